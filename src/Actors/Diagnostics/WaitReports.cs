using Actors.Protocol;
using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// The messages between lock-type coordinators and the deadlock detector. Public so that they can cross the network:
/// across a cluster the coordinators of one wait-for graph live on several nodes and report to one detector (see
/// <see cref="DeadlockDetection.ReportTo"/>). Applications do not send them.
/// </summary>
public static class WaitReports
{
    /// <summary>A named owner began to wait at the sending coordinator.</summary>
    /// <param name="Owner">The waiting owner.</param>
    /// <param name="RequestId">The id of the waiting request.</param>
    /// <param name="Since">When the wait began, by the coordinator's clock.</param>
    /// <param name="CanBeFailed">False for a wait the detector must never fail (a woken condition waiter taking its lock back).</param>
    public sealed record WaitStarted(IActorRef Owner, long RequestId, DateTimeOffset Since, bool CanBeFailed);

    /// <summary>A wait identified by its owner and request id.</summary>
    /// <param name="Owner">The waiting owner.</param>
    /// <param name="RequestId">The id of the waiting request.</param>
    public readonly record struct WaitKey(IActorRef Owner, long RequestId);

    /// <summary>
    /// What changed at the sending coordinator during one message: waits of named owners that began and ended, and the
    /// holders now. Sent only while named owners wait or just after the last one stopped waiting
    /// (<paramref name="NamedWaiting"/> zero: the detector forgets the primitive). The sender is the coordinator.
    /// </summary>
    /// <param name="Kind">The primitive's kind in reports (<c>Lock</c>, <c>Semaphore</c> ...).</param>
    /// <param name="Started">The waits that began (or, for a resent picture, every wait known).</param>
    /// <param name="Ended">The waits that ended.</param>
    /// <param name="Holders">The named owners holding the primitive now.</param>
    /// <param name="AnonymousHolders">Whether anonymous owners hold some of it.</param>
    /// <param name="NamedWaiting">How many reported waits of named owners the coordinator has now.</param>
    public sealed record WaitsChanged(
        string Kind,
        IReadOnlyList<WaitStarted> Started,
        IReadOnlyList<WaitKey> Ended,
        IReadOnlyList<IActorRef> Holders,
        bool AnonymousHolders,
        int NamedWaiting) : IPrimitiveMessage;

    /// <summary>
    /// Asks the detector for the deadlocks that stand now; answered with <see cref="CurrentDeadlocks"/>. Across a cluster
    /// a node's relay passes it on to the detector singleton, wherever it runs.
    /// </summary>
    public sealed class GetDeadlocks : IPrimitiveMessage
    {
        /// <summary>The one instance.</summary>
        public static readonly GetDeadlocks Instance = new();
    }

    /// <summary>The deadlocks reported and not yet broken, oldest report first.</summary>
    public sealed record CurrentDeadlocks(IReadOnlyList<DeadlockDetected> Deadlocks) : IPrimitiveMessage;

    /// <summary>Tells a coordinator to fail a wait with a deadlock rejection, if it still waits and may be failed.</summary>
    /// <param name="Owner">The waiting owner.</param>
    /// <param name="RequestId">The id of the waiting request.</param>
    /// <param name="Message">The deadlock's description, put into the rejection.</param>
    public sealed record FailWait(IActorRef Owner, long RequestId, string Message) : IPrimitiveMessage;
}
