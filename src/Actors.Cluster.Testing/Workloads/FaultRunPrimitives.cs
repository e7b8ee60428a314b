namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// The primitives a <see cref="FaultRun"/> of <see cref="FaultRunKind.LockAndSemaphore"/> uses, named from its seed, so
/// that a hand-built <see cref="Faults.FaultSchedule"/> can aim at their nodes (<see cref="Faults.Fault.KillHostAfterRemoteGrant"/>).
/// </summary>
public static class FaultRunPrimitives
{
    /// <summary>How many permits the run's bounded semaphore has.</summary>
    public const int SemaphorePermits = 2;

    /// <summary>The run's name, which its primitives' names begin with.</summary>
    public static string RunName(int seed) => $"run{seed}";

    /// <summary>The entity id of the run's lock.</summary>
    public static string LockEntityId(int seed) => PrimitiveEntityIds.Lock(LockWorkload.KeyOf(RunName(seed)));

    /// <summary>The entity id of the run's bounded semaphore.</summary>
    public static string SemaphoreEntityId(int seed) =>
        PrimitiveEntityIds.Semaphore(SemaphoreWorkload.KeyOf(RunName(seed)), SemaphorePermits, bounded: true);
}
