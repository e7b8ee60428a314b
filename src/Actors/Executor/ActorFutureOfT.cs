using System.Runtime.CompilerServices;

namespace Actors.Executor;

/// <summary>A future whose job returns a <typeparamref name="T"/>. See <see cref="ActorFuture"/>.</summary>
/// <typeparam name="T">The job's result type.</typeparam>
public sealed class ActorFuture<T> : ActorFuture
{
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ActorFuture(IFutureOwner? owner = null) : base(owner)
    {
    }

    internal override Exception? FinishedException =>
        _outcome.Task.IsFaulted ? _outcome.Task.Exception!.InnerExceptions[0] : null;

    internal override Task OutcomeTask => _outcome.Task;

    /// <summary>
    /// Waits for the job and returns its result, or rethrows its exception. Python: <c>result(timeout)</c>.
    /// </summary>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Stops waiting (the job is not affected).</param>
    /// <exception cref="TimeoutException">The future was not done within the timeout.</exception>
    /// <exception cref="OperationCanceledException">The future was cancelled, or the token fired.</exception>
    public async Task<T> ResultAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await WaitDoneAsync(timeout, cancellationToken).ConfigureAwait(false);
        return await _outcome.Task.ConfigureAwait(false);
    }

    /// <summary>The outcome as a task.</summary>
    public Task<T> AsTask() => _outcome.Task;

    /// <summary>Makes the future awaitable: <c>var x = await future;</c>.</summary>
    public new TaskAwaiter<T> GetAwaiter() => _outcome.Task.GetAwaiter();

    private protected override bool SetResult(object? result) => _outcome.TrySetResult((T)result!);

    private protected override bool SetException(Exception error) => _outcome.TrySetException(error);

    private protected override void SetCancelled() => _outcome.TrySetCanceled();
}
