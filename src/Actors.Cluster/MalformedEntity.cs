using Actors.Protocol;
using Akka.Actor;

namespace Actors.Cluster;

/// <summary>
/// The entity behind an id that <see cref="PrimitiveEntityIds"/> could not have made: it holds no state and answers
/// every request with <see cref="CoordinatorProtocol.Rejected"/>, so a bad id fails its caller instead of crashing the
/// shard that hosts other primitives.
/// </summary>
internal sealed class MalformedEntity : ReceiveActor
{
    public MalformedEntity(string entityId) =>
        Receive<IRequest>(request => Sender.Tell(new CoordinatorProtocol.Rejected(request.RequestId, RejectionReason.InvalidArgument,
            $"'{entityId}' is not the id of a cluster primitive.")));

    /// <summary>The props of the entity for <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId) => Akka.Actor.Props.Create(() => new MalformedEntity(entityId));
}
