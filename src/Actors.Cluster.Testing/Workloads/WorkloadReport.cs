using Actors.Cluster.Testing.Checking;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>What one workload's history showed.</summary>
/// <param name="Name">The workload (<c>lock</c>, <c>semaphore</c>, <c>queue</c>).</param>
/// <param name="Operations">How many operations were recorded.</param>
/// <param name="Unknown">How many of them have an unknown outcome.</param>
/// <param name="Linearizability">The checker's result.</param>
/// <param name="Violations">Every broken promise found, in words (empty when the run was safe).</param>
/// <param name="Notes">Other figures worth printing (stale writes refused by fencing, items drained).</param>
public sealed record WorkloadReport(string Name, int Operations, int Unknown, LinearizabilityResult Linearizability,
    IReadOnlyList<string> Violations, string Notes)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Operations} operations ({Unknown} unknown), {Linearizability.Verdict}; {Notes}"
        + string.Concat(Violations.Select(v => Environment.NewLine + "  VIOLATION " + v));
}
