using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>The messages between lock-type coordinators and the deadlock detector (internal, but plain records).</summary>
internal static class WaitReports
{
    /// <summary>A named owner began to wait at the sending coordinator.</summary>
    public sealed record WaitStarted(IActorRef Owner, long RequestId, DateTimeOffset Since, bool CanBeFailed);

    /// <summary>A wait identified by its owner and request id.</summary>
    public readonly record struct WaitKey(IActorRef Owner, long RequestId);

    /// <summary>
    /// What changed at the sending coordinator during one message: waits of named owners that began and ended, and the
    /// holders now. Sent only while named owners wait or just after the last one stopped waiting
    /// (<paramref name="NamedWaiting"/> zero: the detector forgets the primitive).
    /// </summary>
    public sealed record WaitsChanged(
        string Kind,
        IReadOnlyList<WaitStarted> Started,
        IReadOnlyList<WaitKey> Ended,
        IReadOnlyList<IActorRef> Holders,
        bool AnonymousHolders,
        int NamedWaiting);

    /// <summary>Asks the detector for the deadlocks that stand now; answered with <see cref="CurrentDeadlocks"/>.</summary>
    public sealed class GetDeadlocks
    {
        public static readonly GetDeadlocks Instance = new();
    }

    /// <summary>The deadlocks reported and not yet broken, oldest report first.</summary>
    public sealed record CurrentDeadlocks(IReadOnlyList<DeadlockDetected> Deadlocks);

    /// <summary>Tells a coordinator to fail a wait with a deadlock rejection, if it still waits and may be failed.</summary>
    public sealed record FailWait(IActorRef Owner, long RequestId, string Message);
}
