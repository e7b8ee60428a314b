namespace Actors.Tests.Barrier;

/// <summary>
/// A barrier action that holds its round in the releasing phase until the test opens the gate, and counts its runs.
/// Once the gate is open, later runs pass straight through.
/// </summary>
internal sealed class GatedAction
{
    private int _runs;

    /// <summary>Completes when the action has started for the first time.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The test completes it to let the action finish.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many runs have finished.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public async Task RunAsync()
    {
        Started.TrySetResult();
        await Gate.Task.ConfigureAwait(false);
        Interlocked.Increment(ref _runs);
    }
}
