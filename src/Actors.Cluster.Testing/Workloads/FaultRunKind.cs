namespace Actors.Cluster.Testing.Workloads;

/// <summary>Which primitives a <see cref="FaultRun"/> exercises.</summary>
public enum FaultRunKind
{
    /// <summary>A cluster lock and a bounded semaphore, persisted; faults on any node.</summary>
    LockAndSemaphore,

    /// <summary>
    /// A FIFO queue, persisted, delivering at least once; faults on any node, the queue placed on the node the schedule
    /// kills first.
    /// </summary>
    Queue,
}
