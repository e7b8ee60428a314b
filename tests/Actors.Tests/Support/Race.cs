namespace Actors.Tests.Support;

/// <summary>Steps started on thread-pool threads and released together by one gate, so that they really race.</summary>
public static class Race
{
    /// <summary>
    /// Runs <paramref name="operation"/> and cancels <paramref name="cancellation"/> at the same moment; completes when
    /// both have, or fails after <paramref name="within"/>.
    /// </summary>
    public static Task WithCancelAsync(Func<Task> operation, CancellationTokenSource cancellation, TimeSpan within)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Task.Run(async () =>
        {
            await gate.Task;
            await operation();
        });
        var cancelling = Task.Run(async () =>
        {
            await gate.Task;
            await cancellation.CancelAsync();
        });
        gate.SetResult();
        return Task.WhenAll(running, cancelling).WaitAsync(within);
    }
}
