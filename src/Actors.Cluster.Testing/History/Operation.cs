namespace Actors.Cluster.Testing.History;

/// <summary>One completed (or given-up) operation of a recorded history.</summary>
/// <param name="Id">Its number in the history, in invocation order.</param>
/// <param name="Process">The client (and owner) that made it; a model may use it as the owner's identity.</param>
/// <param name="Key">The object it addressed (a primitive's name): the checker checks each key's operations apart.</param>
/// <param name="Function">What it did (<c>acquire</c>, <c>release</c>, <c>put</c>, <c>get</c>, ...; see the models).</param>
/// <param name="Input">Its argument, or null.</param>
/// <param name="Output">
/// Its result when <paramref name="Outcome"/> is <see cref="OperationOutcome.Ok"/>; for an
/// <see cref="OperationOutcome.Unknown"/> one, what it is known to have returned (a model may use it), usually null.
/// </param>
/// <param name="Outcome">How it ended.</param>
/// <param name="InvokedAt">When it was invoked, in <see cref="System.Diagnostics.Stopwatch"/> ticks (monotonic).</param>
/// <param name="CompletedAt">When it completed; <see cref="long.MaxValue"/> for an unknown outcome.</param>
public sealed record Operation(
    long Id, int Process, string Key, string Function, object? Input, object? Output, OperationOutcome Outcome, long InvokedAt, long CompletedAt)
{
    /// <summary>The operation as one tab-separated line (id, process, key, function, input, output, outcome, invoked, completed).</summary>
    public string ToLine() => string.Join('\t', Id, Process, Key, Function, Input is IEnumerable<long> ? "set" : Input, Output, Outcome, InvokedAt, CompletedAt);

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Id} p{Process} {Key} {Function}({Input}) -> {Outcome switch { OperationOutcome.Ok => $"{Output ?? "none"}", OperationOutcome.Unknown when Output is not null => $"unknown, received {Output}", _ => Outcome.ToString().ToLowerInvariant() }}";
}
