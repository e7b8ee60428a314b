using Actors.Protocol;
using Akka.Actor;

namespace Actors.RLock;

/// <summary>
/// The messages of a re-entrant lock coordinator (Python's <c>threading.RLock</c>). The owner that holds the lock
/// may acquire it again; each acquire adds one to its depth and each release takes one away; the lock is free
/// when the depth reaches zero.
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Acquire"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class RLockProtocol
{
    /// <summary>The replies to <see cref="Acquire"/>: <see cref="Acquired"/> or <see cref="NotAcquired"/>.</summary>
    public interface IAcquireReply : IReply;

    /// <summary>
    /// Asks for the lock. Replies: <see cref="Acquired"/> when granted (at once if the owner already holds it),
    /// <see cref="NotAcquired"/> when the timeout passes first.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">
    /// Who holds the lock: an actor (usually <c>Self</c>) or an <see cref="Owners.ActorOwner"/>. Required: re-entrancy
    /// is per owner, so the anonymous owner is rejected.
    /// </param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Acquire(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IAcquireReply>;

    /// <summary>The owner holds the lock, now at <paramref name="Depth"/>.</summary>
    /// <param name="RequestId">The id of the granted request.</param>
    /// <param name="Depth">How many acquires the owner has not yet released, this one included.</param>
    /// <param name="FencingToken">Increases each time the lock passes to an owner; the same for re-entrant acquires.</param>
    public sealed record Acquired(long RequestId, int Depth, long FencingToken) : IAcquireReply;

    /// <summary>The lock was not acquired within the request's timeout.</summary>
    /// <param name="RequestId">The id of the request that timed out.</param>
    public sealed record NotAcquired(long RequestId) : IAcquireReply, ITimedOutReply;

    /// <summary>
    /// Releases one level of the owner's hold. Reply: <see cref="Released"/>, or a rejection with reason
    /// <see cref="Protocol.RejectionReason.NotOwner"/> if <paramref name="Owner"/> does not hold the lock
    /// (Python's <c>RuntimeError</c>).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Owner">The owner that holds the lock.</param>
    public sealed record Release(long RequestId, IActorRef Owner) : IRequest<Released>;

    /// <summary>One level was released; the lock is free if <paramref name="Depth"/> is zero.</summary>
    /// <param name="RequestId">The id of the release request.</param>
    /// <param name="Depth">The owner's remaining depth.</param>
    public sealed record Released(long RequestId, int Depth) : IReply;

    /// <summary>Asks for the lock's state. Reply: <see cref="RLockState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<RLockState>;

    /// <summary>The lock's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Owner">The owner holding the lock, or null if it is free.</param>
    /// <param name="Depth">The holder's depth (0 when free).</param>
    /// <param name="FencingToken">The token of the latest hand-over (0 before the first).</param>
    /// <param name="Waiting">How many requests wait for the lock.</param>
    public sealed record RLockState(long RequestId, IActorRef? Owner, int Depth, long FencingToken, int Waiting) : IReply
    {
        /// <summary>Whether any owner holds the lock.</summary>
        public bool Locked => Owner is not null;
    }
}
