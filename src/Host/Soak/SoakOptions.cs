using Actors.Cluster.Testing.Faults;

namespace Actors.Host.Soak;

/// <summary>What <c>soak</c> runs.</summary>
internal sealed record SoakOptions
{
    /// <summary>How long to keep starting fault runs, in minutes.</summary>
    public double Minutes { get; init; } = 10;

    /// <summary>The first run's seed; run <c>i</c> uses <c>Seed + i</c>.</summary>
    public int Seed { get; init; }

    /// <summary>The cluster's failure-detector and split-brain timings.</summary>
    public ClusterTimings Timings { get; init; } = ClusterTimings.Test;

    /// <summary>How many faults each run's schedule has.</summary>
    public int FaultsPerRun { get; init; } = 6;

    /// <summary>Whether to measure what each side of a crash and a partition sees before the runs.</summary>
    public bool Probe { get; init; }
}
