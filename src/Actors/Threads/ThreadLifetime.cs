namespace Actors.Threads;

/// <summary>
/// What a thread's coordinator publishes to its facade, each fact once: that the thread has finished (before the
/// registry is told and before any join is answered) and that the coordinator has stopped. The facade reads them for
/// <see cref="ActorThread.IsAlive"/>, and a join races its request against them, so that a join sent to a coordinator
/// that has already retired still returns. Only the coordinator completes them.
/// </summary>
internal sealed class ThreadLifetime
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the thread has finished.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Completes when the coordinator has stopped, whether or not the thread finished first.</summary>
    public Task Stopped => _stopped.Task;

    public bool HasEnded => _ended.Task.IsCompleted;

    public void MarkEnded() => _ended.TrySetResult();

    public void MarkStopped() => _stopped.TrySetResult();
}
