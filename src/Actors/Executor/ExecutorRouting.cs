namespace Actors.Executor;

/// <summary>How an executor's router hands jobs to its workers.</summary>
public enum ExecutorRouting
{
    /// <summary>Each worker in turn (the default): predictable, and what the tutorial's examples assume.</summary>
    RoundRobin,

    /// <summary>The worker with the fewest queued jobs: better when job lengths vary widely.</summary>
    SmallestMailbox,
}
