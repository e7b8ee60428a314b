using Akka.Actor;

namespace Actors.Protocol;

/// <summary>
/// The messages every coordinator understands, whatever its primitive: cancelling a waiting request,
/// and the two replies that any request can receive (cancelled, rejected).
/// </summary>
/// <remarks>
/// Every message is a plain immutable record, so that the same protocol can later cross the network
/// (Akka.Cluster). Replies always echo the <c>RequestId</c> of the request they answer.
/// </remarks>
public static class CoordinatorProtocol
{
    /// <summary>
    /// Withdraws a waiting request. If the request is still waiting, the coordinator drops it and answers
    /// the original requester with <see cref="Cancelled"/>; if it has already been answered, nothing happens.
    /// </summary>
    /// <remarks>
    /// A grant can cross a <see cref="Cancel"/> in flight. A requester that cancels and then receives a grant
    /// must give it back (release it); the async facades do exactly that, so no lock or permit is lost.
    /// </remarks>
    /// <param name="RequestId">The id of the request to withdraw.</param>
    /// <param name="Owner">The owner the request was made for (request ids are unique per owner).</param>
    public sealed record Cancel(long RequestId, IActorRef Owner);

    /// <summary>The answer to a waiting request that was withdrawn by <see cref="Cancel"/> before it was granted.</summary>
    /// <param name="RequestId">The id of the withdrawn request.</param>
    public sealed record Cancelled(long RequestId);

    /// <summary>
    /// The answer to a request that was refused: bad arguments or misuse (releasing a lock one does not hold,
    /// over-releasing a bounded semaphore, ...). The coordinator's state is exactly as it was before the request.
    /// </summary>
    /// <param name="RequestId">The id of the refused request.</param>
    /// <param name="Reason">Why it was refused; the facades map it to an exception type.</param>
    /// <param name="Message">A human-readable explanation.</param>
    public sealed record Rejected(long RequestId, RejectionReason Reason, string Message);
}
