namespace Actors.Protocol;

/// <summary>A request to a coordinator. Its reply, whichever it is, echoes <see cref="RequestId"/>.</summary>
/// <remarks>
/// Besides the replies of its own family (<see cref="IRequest{TReply}"/>), every request can be answered with
/// <see cref="CoordinatorProtocol.Rejected"/>: bad arguments or misuse, with the coordinator's state left as it was.
/// </remarks>
public interface IRequest : IPrimitiveMessage
{
    /// <summary>The id that the reply echoes; unique among the owner's waiting requests.</summary>
    long RequestId { get; }
}
