using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Tests.Testing;

/// <summary>A history written by hand: each operation with its invocation and completion on a made-up clock.</summary>
internal sealed class HandMadeHistory
{
    private readonly List<Operation> _operations = [];

    public IReadOnlyList<Operation> Operations => _operations;

    /// <summary>Adds an operation that took effect with <paramref name="output"/> between times <paramref name="from"/> and <paramref name="to"/>.</summary>
    public HandMadeHistory Ok(int process, string function, long from, long to, object? input = null, object? output = null, string key = "k") =>
        Add(process, function, input, output, OperationOutcome.Ok, from, to, key);

    /// <summary>Adds an operation of unknown outcome invoked at <paramref name="from"/>, known to have returned <paramref name="output"/> if not null.</summary>
    public HandMadeHistory Unknown(int process, string function, long from, object? input = null, string key = "k", object? output = null) =>
        Add(process, function, input, output, OperationOutcome.Unknown, from, long.MaxValue, key);

    /// <summary>Adds an operation that certainly did not take effect.</summary>
    public HandMadeHistory Fail(int process, string function, long from, long to, object? input = null, string key = "k") =>
        Add(process, function, input, null, OperationOutcome.Fail, from, to, key);

    private HandMadeHistory Add(int process, string function, object? input, object? output, OperationOutcome outcome, long from, long to, string key)
    {
        _operations.Add(new Operation(_operations.Count + 1, process, key, function, input, output, outcome, from, to));
        return this;
    }
}
