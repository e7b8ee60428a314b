namespace Actors.Host.Compare.Scenarios;

/// <summary>The jobs an <see cref="ExecutorScenario"/> runs.</summary>
internal enum ExecutorLoad
{
    /// <summary>Many tiny jobs: the cost is all coordination.</summary>
    SmallJobs,

    /// <summary>A few CPU-bound jobs (prime counting): the cost is all work.</summary>
    CpuBound,

    /// <summary>One job in eight blocks for a while, the others are tiny: what matters is that no job waits while a worker is idle.</summary>
    Uneven,
}
