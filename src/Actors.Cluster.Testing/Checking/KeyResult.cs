using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Checking;

/// <summary>The check of one key's operations (one P-compositional part of a history).</summary>
/// <param name="Key">The key.</param>
/// <param name="Verdict">What the search found.</param>
/// <param name="Operations">How many of the key's operations took part (failed ones are left out).</param>
/// <param name="Linearized">The longest legal prefix the search found, in linearization order.</param>
/// <param name="Stuck">The operation that could not be placed after <paramref name="Linearized"/> before it had to be, or null.</param>
/// <param name="StateAtStuck">The model's state after <paramref name="Linearized"/>, in words.</param>
public sealed record KeyResult(string Key, Verdict Verdict, int Operations, IReadOnlyList<Operation> Linearized, Operation? Stuck, string StateAtStuck)
{
    /// <inheritdoc />
    public override string ToString() => Verdict == Verdict.NotLinearizable
        ? $"{Key}: not linearizable ({Operations} operations). Longest legal prefix ends with: "
          + string.Join("; ", Linearized.TakeLast(6)) + $". State then: {StateAtStuck}. Could not place: {Stuck}."
        : $"{Key}: {Verdict} ({Operations} operations)";
}
