using Actors.Protocol;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>
/// The messages of a semaphore coordinator (Python's <c>threading.Semaphore</c> and <c>BoundedSemaphore</c>).
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Acquire"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class SemaphoreProtocol
{
    /// <summary>The replies to <see cref="Acquire"/>: <see cref="Acquired"/> or <see cref="NotAcquired"/>.</summary>
    public interface IAcquireReply : IReply;

    /// <summary>
    /// Asks for one permit. Replies: <see cref="Acquired"/> when granted, <see cref="NotAcquired"/> when the timeout
    /// passes first (at once if <paramref name="Timeout"/> is zero and no permit is free).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">
    /// Who holds the permit: an actor or an <see cref="Owners.ActorOwner"/>, whose permits come back if it terminates,
    /// or <see cref="ActorRefs.Nobody"/> for an anonymous, unwatched holder.
    /// </param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Acquire(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IAcquireReply>;

    /// <summary>One permit is now held for the request's owner.</summary>
    /// <param name="RequestId">The id of the granted request.</param>
    /// <param name="FencingToken">
    /// Increases with every permit the semaphore grants: names this permit in a <see cref="Release"/> or a
    /// <see cref="CoordinatorProtocol.WatchHold"/>, and lets a guarded resource refuse a stale holder. Python's
    /// semaphore has none.
    /// </param>
    public sealed record Acquired(long RequestId, long FencingToken) : IAcquireReply;

    /// <summary>No permit was acquired within the request's timeout.</summary>
    /// <param name="RequestId">The id of the request that timed out.</param>
    public sealed record NotAcquired(long RequestId) : IAcquireReply, ITimedOutReply;

    /// <summary>
    /// Returns <paramref name="Count"/> permits and wakes up to that many waiters. Reply: <see cref="Released"/>; a rejection
    /// with <see cref="Protocol.RejectionReason.InvalidArgument"/> if the count is below one, or
    /// <see cref="Protocol.RejectionReason.Full"/> if a bounded semaphore would rise above its initial value; a rejection
    /// with <see cref="Protocol.RejectionReason.InvalidArgument"/> too if the free permits would pass <see cref="int.MaxValue"/>,
    /// the most the semaphore counts (Python's integers have no such ceiling). A rejected release changes nothing.
    /// </summary>
    /// <remarks>
    /// As in Python, anyone may release. The permits are taken off what <paramref name="Owner"/> holds, as far as it
    /// holds any, so that they are not returned a second time if that owner later terminates.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Owner">Who releases; <see cref="ActorRefs.Nobody"/> for the anonymous owner.</param>
    /// <param name="Count">How many permits to return (Python's <c>release(n)</c>); exactly 1 with <paramref name="FencingToken"/>.</param>
    /// <param name="FencingToken">
    /// The permit to return, or null for the owner's oldest. A permit the coordinator took back (its owner died, it was
    /// force-released or outlasted the maximum hold time; the last 1024 such) is rejected as
    /// <see cref="Protocol.RejectionReason.NotHeld"/> rather than returning someone else's. A permit already returned
    /// by a release that named none (anyone may release, as in Python) counts as a release by <paramref name="Owner"/>.
    /// </param>
    public sealed record Release(long RequestId, IActorRef Owner, int Count = 1, long? FencingToken = null) : IRequest<Released>;

    /// <summary>The permits were returned.</summary>
    /// <param name="RequestId">The id of the release request.</param>
    /// <param name="Value">The free permits after the release and the waiters it woke.</param>
    public sealed record Released(long RequestId, int Value) : IReply;

    /// <summary>Asks for the semaphore's state. Reply: <see cref="SemaphoreState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<SemaphoreState>;

    /// <summary>The semaphore's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Value">Free permits (Python's <c>_value</c>).</param>
    /// <param name="Bound">The initial value of a bounded semaphore, or null if it is unbounded.</param>
    /// <param name="HeldByOwners">Permits held by named (non-anonymous) owners.</param>
    /// <param name="Waiting">How many requests wait for a permit.</param>
    public sealed record SemaphoreState(long RequestId, int Value, int? Bound, int HeldByOwners, int Waiting) : IReply;
}
