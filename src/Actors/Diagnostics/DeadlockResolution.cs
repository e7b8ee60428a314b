namespace Actors.Diagnostics;

/// <summary>What the deadlock detector does once it has reported a deadlock.</summary>
public enum DeadlockResolution
{
    /// <summary>Publish and log the deadlock, change nothing (the default): the owners stay blocked until someone cancels.</summary>
    ReportOnly,

    /// <summary>
    /// Publish and log the deadlock, then fail the youngest wait of the cycle (ties: the highest owner path) with a
    /// <see cref="DeadlockException"/>, which frees the cycle once its owner gives back what it holds.
    /// </summary>
    /// <remarks>
    /// A condition waiter that was already woken and is only taking its lock back cannot be failed (it must hold the lock
    /// when it returns); if every wait of a cycle is of that kind, the deadlock is reported only.
    /// </remarks>
    FailYoungestWaiter,
}
