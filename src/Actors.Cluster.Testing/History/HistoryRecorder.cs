using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Cluster.Testing.History;

/// <summary>
/// Records the operations of many concurrent clients as invoke / ok / fail / unknown with monotonic times
/// (<see cref="Stopwatch.GetTimestamp"/>), for <see cref="Checking.LinearizabilityChecker"/>. Thread-safe: any number of
/// clients invoke and complete at once.
/// </summary>
/// <remarks>
/// A client invokes (<see cref="Invoke"/>) just before it sends its request and completes the returned
/// <see cref="PendingOperation"/> as soon as it has the answer; an operation whose answer never came (timed out, its node
/// died) is <see cref="OperationOutcome.Unknown"/>: the checker may place it anywhere after its invocation, or nowhere.
/// </remarks>
public sealed class HistoryRecorder
{
    private readonly ConcurrentDictionary<long, PendingOperation> _pending = new();
    private readonly ConcurrentQueue<Operation> _completed = new();
    private readonly TaskCompletionSource _firstOk = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;
    private int _lastProcess;

    /// <summary>Completes when the first operation completes with <see cref="OperationOutcome.Ok"/>.</summary>
    public Task FirstOk => _firstOk.Task;

    /// <summary>The current monotonic time, in <see cref="Stopwatch"/> ticks.</summary>
    public long Now() => Stopwatch.GetTimestamp();

    /// <summary>A process number not used before, for a new client (or a client that starts afresh after an unknown outcome).</summary>
    public int NextProcess() => Interlocked.Increment(ref _lastProcess);

    /// <summary>Records the invocation of an operation, now or at <paramref name="invokedAt"/>.</summary>
    /// <param name="process">The client making it.</param>
    /// <param name="key">The object it addresses.</param>
    /// <param name="function">What it does.</param>
    /// <param name="input">Its argument.</param>
    /// <param name="invokedAt">An earlier time when it is known to have begun no later (monotonic ticks); null for now.</param>
    public PendingOperation Invoke(int process, string key, string function, object? input = null, long? invokedAt = null)
    {
        var operation = new PendingOperation(this, Interlocked.Increment(ref _lastId), process, key, function, input, invokedAt ?? Now());
        _pending[operation.Id] = operation;
        return operation;
    }

    /// <summary>
    /// The history so far, in invocation order: completed operations as they ended, operations still pending as
    /// <see cref="OperationOutcome.Unknown"/>.
    /// </summary>
    public IReadOnlyList<Operation> Operations() =>
        _completed.Concat(_pending.Values.Where(p => !p.IsCompleted).Select(p => p.AsUnknown()))
            .GroupBy(o => o.Id).Select(g => g.OrderBy(o => o.Outcome == OperationOutcome.Unknown ? 1 : 0).First())
            .OrderBy(o => o.Id).ToList();

    internal void Completed(Operation operation)
    {
        _completed.Enqueue(operation);
        _pending.TryRemove(operation.Id, out _);
        if (operation.Outcome == OperationOutcome.Ok) _firstOk.TrySetResult();
    }
}
