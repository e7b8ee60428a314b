using System.Reflection;
using Actors.Protocol;

namespace Actors.Tests.Protocol;

/// <summary>
/// The typed protocol is closed and complete: every message record of a primitive's protocol is an
/// <see cref="IPrimitiveMessage"/> (so one serializer binding covers them all), is a request or a reply, and every
/// request's reply family has members.
/// </summary>
public sealed class ProtocolFamilyTests
{
    /// <summary>The records of every public <c>...Protocol</c> class but the executor's, whose jobs carry delegates.</summary>
    private static readonly Type[] Messages = typeof(IPrimitiveMessage).Assembly.GetExportedTypes()
        .Where(type => type is { IsAbstract: true, IsSealed: true } && type.Name.EndsWith("Protocol", StringComparison.Ordinal)
                       && type.Name != "ExecutorProtocol")
        .SelectMany(protocol => protocol.GetNestedTypes(BindingFlags.Public))
        .Where(type => type is { IsClass: true, IsAbstract: false })
        .ToArray();

    [Fact]
    public void EveryProtocolRecord_IsAPrimitiveMessage()
    {
        Assert.NotEmpty(Messages);
        Assert.Empty(Messages.Where(type => !typeof(IPrimitiveMessage).IsAssignableFrom(type)).Select(type => type.FullName));
    }

    [Fact]
    public void EveryProtocolRecord_IsARequestOrAReply_ExceptCancelAndTheHoldNotices()
    {
        // A cancel withdraws a request; a hold watch and its notices concern a grant (named by its fencing token), not a request.
        var neither = Messages.Where(type => !typeof(IRequest).IsAssignableFrom(type) && !typeof(IReply).IsAssignableFrom(type));
        Assert.Equal([typeof(CoordinatorProtocol.Cancel), typeof(CoordinatorProtocol.WatchHold), typeof(CoordinatorProtocol.HoldWatched),
            typeof(CoordinatorProtocol.HoldLost)], neither);
    }

    [Fact]
    public void EveryRequest_NamesAReplyFamilyWithMembers()
    {
        foreach (var request in Messages.Where(type => typeof(IRequest).IsAssignableFrom(type)))
        {
            var family = request.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
                         ?? throw new Xunit.Sdk.XunitException($"{request.FullName} names no reply family.");
            var replyType = family.GetGenericArguments()[0];
            Assert.True(Messages.Any(replyType.IsAssignableFrom), $"No reply of {request.FullName}'s family {replyType.Name} exists.");
        }
    }

    [Fact]
    public void EveryWaitingRequest_IsAWaitingRequestOfItsFamily()
    {
        foreach (var request in Messages.Where(type => typeof(IWaitingRequest).IsAssignableFrom(type)))
            Assert.Contains(request.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWaitingRequest<>));
    }
}
