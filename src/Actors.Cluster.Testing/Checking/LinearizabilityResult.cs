namespace Actors.Cluster.Testing.Checking;

/// <summary>The check of a whole history: one <see cref="KeyResult"/> per key.</summary>
/// <param name="Keys">The results per key.</param>
public sealed record LinearizabilityResult(IReadOnlyList<KeyResult> Keys)
{
    /// <summary>Linearizable if every key is; not linearizable if any key is not; else undecided.</summary>
    public Verdict Verdict => Keys.Any(k => k.Verdict == Verdict.NotLinearizable) ? Verdict.NotLinearizable
        : Keys.Any(k => k.Verdict == Verdict.Undecided) ? Verdict.Undecided
        : Verdict.Linearizable;

    /// <summary>Whether every key is linearizable.</summary>
    public bool IsLinearizable => Verdict == Verdict.Linearizable;

    /// <summary>How many operations took part.</summary>
    public int Operations => Keys.Sum(k => k.Operations);

    /// <inheritdoc />
    public override string ToString() => $"{Verdict} ({Operations} operations, {Keys.Count} keys)"
        + string.Concat(Keys.Where(k => k.Verdict != Verdict.Linearizable).Select(k => Environment.NewLine + k));
}
