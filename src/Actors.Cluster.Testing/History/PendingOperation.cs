namespace Actors.Cluster.Testing.History;

/// <summary>
/// An operation that was invoked and has not completed yet. Complete it once with <see cref="Ok"/>, <see cref="Fail"/> or
/// <see cref="Unknown"/>; later completions are ignored, and one never completed is reported as unknown.
/// </summary>
public sealed class PendingOperation
{
    private readonly HistoryRecorder _recorder;
    private int _completed;

    internal PendingOperation(HistoryRecorder recorder, long id, int process, string key, string function, object? input, long invokedAt)
    {
        _recorder = recorder;
        Id = id;
        Process = process;
        Key = key;
        Function = function;
        Input = input;
        InvokedAt = invokedAt;
    }

    /// <summary>Its number in the history.</summary>
    public long Id { get; }

    /// <summary>The client that made it.</summary>
    public int Process { get; }

    /// <summary>The object it addressed.</summary>
    public string Key { get; }

    /// <summary>What it does.</summary>
    public string Function { get; }

    /// <summary>Its argument.</summary>
    public object? Input { get; }

    /// <summary>When it was invoked (monotonic ticks).</summary>
    public long InvokedAt { get; }

    /// <summary>Whether it has completed.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>It took effect with <paramref name="output"/>.</summary>
    public void Ok(object? output = null) => Complete(OperationOutcome.Ok, output);

    /// <summary>It certainly did not take effect.</summary>
    public void Fail() => Complete(OperationOutcome.Fail, null);

    /// <summary>
    /// It may or may not have taken effect; <paramref name="knownOutput"/> is what it is known to have returned, if
    /// anything (a queue's get that received its item but whose confirmation went unanswered).
    /// </summary>
    public void Unknown(object? knownOutput = null) => Complete(OperationOutcome.Unknown, knownOutput);

    internal Operation AsUnknown() =>
        new(Id, Process, Key, Function, Input, null, OperationOutcome.Unknown, InvokedAt, long.MaxValue);

    private void Complete(OperationOutcome outcome, object? output)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return;
        var completedAt = outcome == OperationOutcome.Unknown ? long.MaxValue : _recorder.Now();
        _recorder.Completed(new Operation(Id, Process, Key, Function, Input, output, outcome, InvokedAt, completedAt));
    }
}
