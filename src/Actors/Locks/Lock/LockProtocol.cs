using Actors.Protocol;
using Akka.Actor;

namespace Actors.Lock;

/// <summary>
/// The messages of a lock coordinator (Python's <c>threading.Lock</c>). Send them with <c>Tell</c> from an actor
/// and receive the replies as messages, or use <see cref="ActorLock"/> from async code.
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Acquire"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class LockProtocol
{
    /// <summary>The replies to <see cref="Acquire"/>: <see cref="Acquired"/> or <see cref="NotAcquired"/>.</summary>
    public interface IAcquireReply : IReply;

    /// <summary>
    /// Asks for the lock. Replies: <see cref="Acquired"/> when it is granted, <see cref="NotAcquired"/> when the
    /// timeout passes first (at once if <paramref name="Timeout"/> is zero and the lock is held).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">
    /// Who will hold the lock: an actor (usually <c>Self</c>) or an <see cref="Owners.ActorOwner"/>, which the
    /// coordinator watches, releasing the lock if it terminates; or <see cref="ActorRefs.Nobody"/> for an anonymous,
    /// unwatched holder.
    /// </param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Acquire(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IAcquireReply>;

    /// <summary>The lock is now held for the request's owner.</summary>
    /// <param name="RequestId">The id of the granted request.</param>
    /// <param name="FencingToken">Increases with every grant of this lock; see <see cref="Lease.FencingToken"/>.</param>
    public sealed record Acquired(long RequestId, long FencingToken) : IAcquireReply;

    /// <summary>The lock was not acquired within the request's timeout.</summary>
    /// <param name="RequestId">The id of the request that timed out.</param>
    public sealed record NotAcquired(long RequestId) : IAcquireReply, ITimedOutReply;

    /// <summary>
    /// Releases the lock. Reply: <see cref="Released"/>, or a rejection with reason
    /// <see cref="Protocol.RejectionReason.NotHeld"/> if the lock is not held (Python's <c>RuntimeError</c>).
    /// </summary>
    /// <remarks>
    /// As in Python, any owner may release a held lock. Given a <paramref name="FencingToken"/>, the release applies
    /// only to that grant; a stale release (the grant was already released, for example because its owner died)
    /// is rejected as <see cref="Protocol.RejectionReason.NotHeld"/> instead of releasing a newer holder.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="FencingToken">The grant to release, or null for whichever grant holds the lock.</param>
    public sealed record Release(long RequestId, long? FencingToken = null) : IRequest<Released>;

    /// <summary>The lock was released.</summary>
    /// <param name="RequestId">The id of the release request.</param>
    public sealed record Released(long RequestId) : IReply;

    /// <summary>Asks for the lock's state. Reply: <see cref="LockState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<LockState>;

    /// <summary>The lock's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Locked">Python's <c>locked()</c>.</param>
    /// <param name="Holder">The owner holding the lock, or null if it is free.</param>
    /// <param name="FencingToken">The token of the latest grant (0 before the first).</param>
    /// <param name="Waiting">How many requests wait for the lock.</param>
    public sealed record LockState(long RequestId, bool Locked, IActorRef? Holder, long FencingToken, int Waiting) : IReply;
}
