namespace Actors.Cluster.Testing.Workloads;

/// <summary>The outcome of one <see cref="FaultRun"/>.</summary>
/// <param name="Seed">The seed that replays it.</param>
/// <param name="Schedule">The fault schedule, in words.</param>
/// <param name="FaultsInjected">How many faults the nemesis injected.</param>
/// <param name="Workloads">Each workload's report.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record FaultRunReport(int Seed, string Schedule, int FaultsInjected, IReadOnlyList<WorkloadReport> Workloads, TimeSpan Duration)
{
    /// <summary>How many operations all histories hold.</summary>
    public int Operations => Workloads.Sum(w => w.Operations);

    /// <summary>How many histories the checker could not decide within its budget.</summary>
    public int Undecided => Workloads.Count(w => w.Linearizability.Verdict == Checking.Verdict.Undecided);

    /// <summary>Every violation found.</summary>
    public IReadOnlyList<string> Violations => Workloads.SelectMany(w => w.Violations).ToList();

    /// <inheritdoc />
    public override string ToString() =>
        $"seed {Seed}: {FaultsInjected} faults, {Operations} operations, {Violations.Count} violations in {Duration.TotalSeconds:F0} s"
        + string.Concat(Workloads.Select(w => Environment.NewLine + "  " + w));
}
