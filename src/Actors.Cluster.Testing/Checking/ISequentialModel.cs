using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Checking;

/// <summary>
/// The sequential specification of one object, for <see cref="LinearizabilityChecker"/>: its initial state and the step
/// function that says whether an operation with its recorded output is legal in a state, and the state after it.
/// </summary>
/// <typeparam name="TState">An immutable state with value equality (the checker memoises states).</typeparam>
public interface ISequentialModel<TState> where TState : notnull
{
    /// <summary>The state before any operation.</summary>
    TState Initial { get; }

    /// <summary>
    /// Applies <paramref name="operation"/> to <paramref name="state"/>. For an <see cref="OperationOutcome.Ok"/> operation
    /// the recorded output must be the one the object would give; an <see cref="OperationOutcome.Unknown"/> one has no
    /// output (or only one it is known to have returned) and is applied as having taken effect (the checker also tries leaving it out).
    /// </summary>
    /// <returns>False when the operation (with that output) is impossible in <paramref name="state"/>.</returns>
    bool TryStep(TState state, Operation operation, out TState next);

    /// <summary>The state in words, for a failure's report.</summary>
    string Describe(TState state);
}
