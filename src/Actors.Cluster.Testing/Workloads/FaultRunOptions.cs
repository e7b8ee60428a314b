using Actors.Cluster.Testing.Faults;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>What one <see cref="FaultRun"/> does.</summary>
public sealed record FaultRunOptions
{
    /// <summary>The seed of the fault schedule (and of the clients' think times). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The failure detector's and split-brain resolver's timings. Default <see cref="ClusterTimings.Test"/>.</summary>
    public ClusterTimings Timings { get; init; } = ClusterTimings.Test;

    /// <summary>How many faults. Default 3.</summary>
    public int Faults { get; init; } = 3;

    /// <summary>How many clients each workload runs on each node. Default 2.</summary>
    public int ClientsPerNode { get; init; } = 2;

    /// <summary>
    /// Whether to run the lock and semaphore workloads or the queue workload (all persisted on SQLite, every node may be
    /// hurt; see <see cref="FaultRunKind"/>). Default lock and semaphore.
    /// </summary>
    public FaultRunKind Kind { get; init; } = FaultRunKind.LockAndSemaphore;

    /// <summary>
    /// Whether the primitives are persisted (their state survives the crash of their node). Default true. False
    /// is for mutation tests — a run that MUST find violations: a primitive whose node dies comes back free, its holders
    /// forgotten and its fencing tokens counting from zero again.
    /// </summary>
    public bool Persistence { get; init; } = true;

    /// <summary>The faults to inject; null (the default) for a schedule drawn from <see cref="Seed"/>.</summary>
    public FaultSchedule? Schedule { get; init; }

    /// <summary>
    /// How long the lock and semaphore clients hold every grant; null (the default) for brief random holds. See
    /// <see cref="ContendingWorkload.HoldTime"/>.
    /// </summary>
    public TimeSpan? HoldTime { get; init; }

    /// <summary>Where the nemesis's actions and the results are written. Default nowhere.</summary>
    public Action<string> Log { get; init; } = _ => { };
}
