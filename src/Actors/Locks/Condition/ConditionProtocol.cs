using Actors.Protocol;
using Akka.Actor;

namespace Actors.Condition;

/// <summary>
/// The messages of a condition variable (Python's <c>threading.Condition</c>). A condition lives in the coordinator of
/// its lock, made from <see cref="Lock.ActorLock.Props"/> or <see cref="RLock.ActorRLock.Props"/>,
/// and is named, so several conditions can share one lock, as Python's <c>queue.Queue</c> shares one mutex among three.
/// Send these messages to the lock's coordinator.
/// </summary>
/// <remarks>
/// Living in the lock's coordinator makes a wait atomic: the lock is released, the waiter enqueued and, after a
/// notify, put back in line for the lock in one step, with no window for a lost wake-up. Waiting or notifying
/// without holding the lock is answered with <see cref="Protocol.CoordinatorProtocol.Rejected"/>
/// (<see cref="Protocol.RejectionReason.NotHeld"/> or <see cref="Protocol.RejectionReason.NotOwner"/>), Python's
/// <c>RuntimeError</c>.
/// </remarks>
public static class ConditionProtocol
{
    /// <summary>
    /// Releases the lock completely (the whole re-entrant depth), waits for a notify on <paramref name="Condition"/> or
    /// the timeout, then waits to hold the lock again at the same depth. Reply: <see cref="Woken"/>, sent only once the
    /// owner holds the lock again — also when the wait timed out or was cancelled.
    /// </summary>
    /// <remarks>
    /// A <see cref="Protocol.CoordinatorProtocol.Cancel"/> for this request ends the wait early: the owner gets the lock
    /// back and <see cref="Woken"/> says <see cref="WakeReason.Cancelled"/>. Once notified, the wait can no longer be
    /// cancelled; it completes as notified when the lock is held again.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">The owner holding the lock.</param>
    /// <param name="Condition">The condition's name within the lock.</param>
    /// <param name="Timeout">How long to wait for a notify: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    public sealed record Wait(long RequestId, IActorRef Owner, string Condition, TimeSpan? Timeout = null) : IWaitingRequest<Woken>;

    /// <summary>The owner holds the lock again, at its old depth, after a <see cref="Wait"/>.</summary>
    /// <param name="RequestId">The id of the wait.</param>
    /// <param name="Reason">Why the wait ended.</param>
    /// <param name="FencingToken">The lock's fencing token for this new hold.</param>
    public sealed record Woken(long RequestId, WakeReason Reason, long FencingToken) : IReply;

    /// <summary>
    /// Wakes up to <paramref name="Count"/> waiters of <paramref name="Condition"/>, oldest first (Python's
    /// <c>notify(n)</c>; <see cref="int.MaxValue"/> for <c>notify_all()</c>). A notify with nobody waiting is lost.
    /// Reply: <see cref="Notified"/>.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Owner">The owner holding the lock.</param>
    /// <param name="Condition">The condition's name within the lock.</param>
    /// <param name="Count">How many waiters to wake, at least one.</param>
    public sealed record Notify(long RequestId, IActorRef Owner, string Condition, int Count = 1) : IRequest<Notified>;

    /// <summary>The notify was applied.</summary>
    /// <param name="RequestId">The id of the notify.</param>
    /// <param name="Woken">How many waiters it woke (they now wait to hold the lock again).</param>
    public sealed record Notified(long RequestId, int Woken) : IReply;

    /// <summary>Asks how many wait on <paramref name="Condition"/>. Reply: <see cref="ConditionState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Condition">The condition's name within the lock.</param>
    public sealed record GetState(long RequestId, string Condition) : IRequest<ConditionState>;

    /// <summary>A condition's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Waiting">Waiters not yet notified.</param>
    /// <param name="Reacquiring">Waiters woken (notified, timed out or cancelled) that wait to hold the lock again.</param>
    public sealed record ConditionState(long RequestId, int Waiting, int Reacquiring) : IReply;

    /// <summary>Why a condition wait ended.</summary>
    public enum WakeReason
    {
        /// <summary>A notify woke it: Python's <c>wait()</c> returns <c>True</c>.</summary>
        Notified,

        /// <summary>The timeout passed first: Python's <c>wait()</c> returns <c>False</c>.</summary>
        TimedOut,

        /// <summary>The wait was cancelled (a .NET addition); the facade throws <see cref="OperationCanceledException"/>.</summary>
        Cancelled,
    }
}
