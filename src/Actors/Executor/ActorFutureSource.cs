using System.Diagnostics;

namespace Actors.Executor;

/// <summary>
/// The completing side of an <see cref="ActorFuture{T}"/> for code that is not an executor: a bridge from callbacks, a
/// test, a custom executor. Like <see cref="TaskCompletionSource{TResult}"/>, it owns the methods that complete the
/// future and hands consumers <see cref="Future"/>, which behaves as any executor's future: cancel only while pending,
/// done-callbacks run once, results and exceptions with timeouts, and <see cref="ActorFutures"/> accepts it mixed with
/// executor futures. Python: creating a <c>concurrent.futures.Future()</c> and calling its completing methods.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>The completing methods are on this source rather than on the future, the .NET split between a task and its
/// completion source, so that code that only receives the future cannot complete it.</item>
/// <item>Python's <c>InvalidStateError</c> (and the <c>RuntimeError</c> of <c>set_running_or_notify_cancel</c>) is
/// <see cref="InvalidOperationException"/>.</item>
/// <item>A done-callback that throws is reported to the handler given to the constructor, or else written to
/// <see cref="Trace"/>; Python logs it. The other callbacks run either way.</item>
/// </list>
/// </remarks>
/// <typeparam name="T">The result type.</typeparam>
public sealed class ActorFutureSource<T> : IFutureOwner
{
    private readonly Action<ActorFuture, Exception>? _callbackFailed;

    /// <summary>Creates a source with a pending future.</summary>
    /// <param name="callbackFailed">Told when a done-callback of the future throws; null to write it to <see cref="Trace"/>.</param>
    public ActorFutureSource(Action<ActorFuture, Exception>? callbackFailed = null)
    {
        _callbackFailed = callbackFailed;
        Future = new ActorFuture<T>(this);
    }

    /// <summary>The future this source completes: what consumers get.</summary>
    public ActorFuture<T> Future { get; }

    /// <summary>
    /// Marks the future running if it is pending, so that it can no longer be cancelled; says false if it was
    /// cancelled, and the work should then not be done. Python: <c>set_running_or_notify_cancel()</c>.
    /// </summary>
    /// <returns>True if the future is now running; false if it was cancelled.</returns>
    /// <exception cref="InvalidOperationException">The future is already running or finished.</exception>
    public bool SetRunningOrNotifyCancel()
    {
        if (Future.TryStart()) return true;
        if (Future.IsCancelled) return false;
        throw new InvalidOperationException($"The future is {Future.State}: it can be set running only while pending.");
    }

    /// <summary>Finishes the future with <paramref name="result"/>. Python: <c>set_result(result)</c>.</summary>
    /// <exception cref="InvalidOperationException">The future is already done (finished or cancelled).</exception>
    public void SetResult(T result)
    {
        if (!Future.TrySetResult(result)) throw AlreadyDone();
    }

    /// <summary>Finishes the future with <paramref name="error"/>. Python: <c>set_exception(exception)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The future is already done (finished or cancelled).</exception>
    public void SetException(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!Future.TrySetException(error)) throw AlreadyDone();
    }

    private InvalidOperationException AlreadyDone() => new($"The future is already {Future.State}.");

    /// <inheritdoc />
    void IFutureOwner.CallbackFailed(ActorFuture future, Exception error)
    {
        if (_callbackFailed is { } report) report(future, error);
        else Trace.TraceError($"A done-callback of a future threw; the other callbacks still ran: {error}");
    }

    /// <summary>Not an executor's future: no pool to break.</summary>
    void IFutureOwner.PoolBroke(BrokenExecutorException error)
    {
    }
}
