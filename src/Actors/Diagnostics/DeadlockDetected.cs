using Actors.Protocol;

namespace Actors.Diagnostics;

/// <summary>
/// Published on the actor system's event stream when the deadlock detector finds owners that wait for one another in a
/// cycle: none of them can ever go on unless someone gives up. Subscribe with
/// <c>system.EventStream.Subscribe(actor, typeof(DeadlockDetected))</c>. Each deadlock is published once.
/// </summary>
/// <remarks>
/// Python has no deadlock detection: its deadlocked threads hang silently. Only lock-type primitives (Lock, RLock, the
/// lock of a Condition, Semaphore, BoundedSemaphore) report their waits, and only for named owners; the anonymous
/// owner is never part of a deadlock because anyone may be acting for it. It is an <see cref="IPrimitiveMessage"/> so
/// that a detector shared by the nodes of a cluster can tell every node of the deadlock.
/// </remarks>
/// <param name="Cycle">
/// The blocked waits, following the cycle from the owner with the lowest actor path where the cycle is a simple one:
/// each participant waits for something held by the next, the last by the first.
/// </param>
/// <param name="Resolution">The policy the detector applied.</param>
/// <param name="Victim">The wait failed with a <see cref="DeadlockException"/> to break the cycle, or null if none was.</param>
/// <param name="DetectedAt">When the detector confirmed the deadlock.</param>
public sealed record DeadlockDetected(
    IReadOnlyList<DeadlockParticipant> Cycle,
    DeadlockResolution Resolution,
    DeadlockParticipant? Victim,
    DateTimeOffset DetectedAt) : IPrimitiveMessage
{
    /// <summary>The report as lines: a header with the cycle, one line per participant, and the resolution.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>(Cycle.Count + 2)
        {
            $"deadlock: {string.Join(" -> ", Cycle.Select(p => $"{p.OwnerName} -> {p.WaitsFor.Name}"))} -> {Cycle[0].OwnerName}",
        };
        lines.AddRange(Cycle.Select(p => "  " + p));
        lines.Add(Victim is null
            ? "  resolution: report only; the owners stay blocked until one of them gives up"
            : $"  resolution: the wait of {Victim.OwnerName} for {Victim.WaitsFor.Name} fails with a DeadlockException");
        return lines;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Describe());
}
