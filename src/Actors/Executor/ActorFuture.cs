using System.Runtime.CompilerServices;

namespace Actors.Executor;

/// <summary>
/// Python's <c>concurrent.futures.Future</c>: the eventual outcome of a job submitted to an <see cref="ActorExecutor"/>,
/// or of any work whose code completes it through an <see cref="ActorFutureSource{T}"/>. It completes once, with a
/// result, an exception, or cancellation, and runs each done-callback exactly once.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Waiting is asynchronous (<see cref="ExceptionAsync"/>, <see cref="ActorFuture{T}.ResultAsync"/>, <c>await</c>) rather than
/// blocking a thread; a future is awaitable like a <see cref="Task"/>.</item>
/// <item>A cancelled future raises <see cref="OperationCanceledException"/> (Python's <c>CancelledError</c>) and a
/// timed-out wait <see cref="TimeoutException"/>.</item>
/// </list>
/// The state moves by atomic compare-and-swap between the caller (who may cancel) and the worker (who starts and
/// finishes the job), so exactly one of "cancelled" and "ran" happens.
/// </remarks>
public abstract class ActorFuture
{
    private readonly IFutureOwner? _owner;
    private Task? _completion;
    private int _state;

    private protected ActorFuture(IFutureOwner? owner) => _owner = owner;

    /// <summary>The current state.</summary>
    public FutureState State => (FutureState)Volatile.Read(ref _state);

    /// <summary>Python's <c>done()</c>: cancelled or finished.</summary>
    public bool IsDone => State is FutureState.Cancelled or FutureState.Finished;

    /// <summary>Python's <c>running()</c>.</summary>
    public bool IsRunning => State == FutureState.Running;

    /// <summary>Python's <c>cancelled()</c>.</summary>
    public bool IsCancelled => State == FutureState.Cancelled;

    /// <summary>
    /// A task that completes (successfully, whatever the outcome) once the future is done, for combinators such as
    /// <see cref="ActorFutures.WaitAsync"/>. Made on first use: a continuation made for every job would cost a
    /// thread-pool hop each.
    /// </summary>
    internal Task Completion => Volatile.Read(ref _completion) ?? CreateCompletion();

    /// <summary>The job's exception once finished; null for a result or while not done.</summary>
    internal abstract Exception? FinishedException { get; }

    /// <summary>
    /// Cancels the job if it has not started. Python: <c>cancel()</c>.
    /// </summary>
    /// <returns>True if the future is now cancelled (also if it already was); false if the job is running or done.</returns>
    public bool Cancel()
    {
        var previous = Interlocked.CompareExchange(ref _state, (int)FutureState.Cancelled, (int)FutureState.Pending);
        if (previous == (int)FutureState.Pending)
        {
            SetCancelled();
            return true;
        }

        return previous == (int)FutureState.Cancelled;
    }

    /// <summary>
    /// Waits for the future and returns the job's exception, or null if it returned normally. Python: <c>exception(timeout)</c>.
    /// </summary>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Stops waiting (the job is not affected).</param>
    /// <exception cref="TimeoutException">The future was not done within the timeout.</exception>
    /// <exception cref="OperationCanceledException">The future was cancelled, or the token fired.</exception>
    public async Task<Exception?> ExceptionAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await WaitDoneAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (IsCancelled) throw new OperationCanceledException("The future was cancelled.");
        return FinishedException;
    }

    /// <summary>
    /// Registers <paramref name="callback"/> to run once when the future is done; at once, on this thread, if it already is.
    /// Python: <c>add_done_callback(fn)</c>. A callback that throws is reported and does not disturb the others.
    /// </summary>
    public void AddDoneCallback(Action<ActorFuture> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (OutcomeTask.IsCompleted) Invoke(callback);
        else _ = InvokeWhenDoneAsync(callback);
    }

    /// <summary>Makes the future awaitable; awaiting it rethrows the job's exception or cancellation.</summary>
    public TaskAwaiter GetAwaiter() => OutcomeTask.GetAwaiter();

    /// <summary>The outcome as a task: faulted with the job's exception, cancelled, or successful.</summary>
    internal abstract Task OutcomeTask { get; }

    /// <summary>Moves a pending future to running; false if it was cancelled (or otherwise completed) first.</summary>
    internal bool TryStart() =>
        Interlocked.CompareExchange(ref _state, (int)FutureState.Running, (int)FutureState.Pending) == (int)FutureState.Pending;

    /// <summary>Finishes a pending or running future with <paramref name="result"/>.</summary>
    internal bool TrySetResult(object? result) => TryFinish() && SetResult(result);

    /// <summary>Finishes a pending or running future with <paramref name="error"/>.</summary>
    internal bool TrySetException(Exception error) => TryFinish() && SetException(error);

    /// <summary>
    /// Fails the future only if its job has not started (a broken executor, a refused submit). A broken pool is told
    /// to the future's owner first, so that anyone who sees the future fail can count on the executor refusing submits.
    /// </summary>
    internal bool TryFailPending(Exception error)
    {
        if (error is BrokenExecutorException broken) _owner?.PoolBroke(broken);
        return Interlocked.CompareExchange(ref _state, (int)FutureState.Finished, (int)FutureState.Pending) == (int)FutureState.Pending
            && SetException(error);
    }

    private protected abstract bool SetResult(object? result);

    private protected abstract bool SetException(Exception error);

    private protected abstract void SetCancelled();

    /// <summary>
    /// Waits until the outcome is set, without throwing the job's exception or cancellation: awaits the outcome itself,
    /// so a wait costs no <see cref="Completion"/> task and no extra hop.
    /// </summary>
    /// <exception cref="TimeoutException">The future was not done within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    private protected async Task WaitDoneAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? Timeout.InfiniteTimeSpan;
        if (limit != Timeout.InfiniteTimeSpan) ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero, nameof(timeout));
        if (OutcomeTask.IsCompleted) return;
        await OutcomeTask.WaitAsync(limit, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (OutcomeTask.IsCompleted) return;
        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"The future was not done within {limit}.");
    }

    private Task CreateCompletion()
    {
        var completion = OutcomeTask.ContinueWith(static _ => { }, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Interlocked.CompareExchange(ref _completion, completion, null) ?? completion;
    }

    private bool TryFinish()
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (current is (int)FutureState.Cancelled or (int)FutureState.Finished) return false;
            if (Interlocked.CompareExchange(ref _state, (int)FutureState.Finished, current) == current) return true;
        }
    }

    private async Task InvokeWhenDoneAsync(Action<ActorFuture> callback)
    {
        await OutcomeTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Invoke(callback);
    }

    private void Invoke(Action<ActorFuture> callback)
    {
        try
        {
            callback(this);
        }
        catch (Exception error)
        {
            _owner?.CallbackFailed(this, error);
        }
    }
}
