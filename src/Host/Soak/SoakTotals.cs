using Actors.Cluster.Testing.Workloads;

namespace Actors.Host.Soak;

/// <summary>The sums over a soak's runs.</summary>
internal sealed record SoakTotals(int Runs, int Histories, int Undecided, int Operations, int Unknown, int Faults, IReadOnlyList<string> Violations)
{
    /// <summary>No run yet.</summary>
    public static SoakTotals None { get; } = new(0, 0, 0, 0, 0, 0, []);

    /// <summary>These totals with <paramref name="run"/> added.</summary>
    public SoakTotals Add(FaultRunReport run) => new(
        Runs + 1,
        Histories + run.Workloads.Count,
        Undecided + run.Undecided,
        Operations + run.Operations,
        Unknown + run.Workloads.Sum(w => w.Unknown),
        Faults + run.FaultsInjected,
        [.. Violations, .. run.Violations.Select(v => $"seed {run.Seed}: {v}")]);
}
