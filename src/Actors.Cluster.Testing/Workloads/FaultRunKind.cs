namespace Actors.Cluster.Testing.Workloads;

/// <summary>Which primitives a <see cref="FaultRun"/> exercises.</summary>
public enum FaultRunKind
{
    /// <summary>A cluster lock and a bounded semaphore, persisted; faults on any node.</summary>
    LockAndSemaphore,

    /// <summary>A FIFO queue (in memory) on node 0; faults spare node 0.</summary>
    Queue,
}
