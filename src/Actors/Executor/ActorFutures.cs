using Actors.Internal;

namespace Actors.Executor;

/// <summary>Python's module functions of <c>concurrent.futures</c>: <c>as_completed</c> and <c>wait</c>.</summary>
public static class ActorFutures
{
    /// <summary>
    /// Yields the futures as they complete: those already done first, each future once however often it is given.
    /// Python: <c>as_completed(fs, timeout)</c>.
    /// </summary>
    /// <remarks>
    /// As with Python's generator, nothing happens until the enumeration's first <c>MoveNextAsync</c>: the futures are
    /// read and the timeout starts then, not at this call. A future yielded is no longer referenced by the enumeration
    /// once it moves on (Python drops it at once; a .NET enumerator's <c>Current</c> holds the last one until then).
    /// </remarks>
    /// <param name="futures">The futures to watch: executor futures, <see cref="ActorFutureSource{T}"/> futures, or both.</param>
    /// <param name="timeout">Counted from the first <c>MoveNextAsync</c>; when it passes, the iteration throws
    /// <see cref="TimeoutException"/> after yielding every future done in time. Null for no limit.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    public static IAsyncEnumerable<ActorFuture> AsCompleted(IEnumerable<ActorFuture> futures, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(futures);
        return new CompletionOrder<ActorFuture>(futures, Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
    }

    /// <summary>
    /// Like <see cref="AsCompleted(IEnumerable{ActorFuture}, TimeSpan?)"/> for futures of one result type, yielding them typed
    /// so their results can be awaited without a cast.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    public static IAsyncEnumerable<ActorFuture<T>> AsCompleted<T>(IEnumerable<ActorFuture<T>> futures, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(futures);
        return new CompletionOrder<ActorFuture<T>>(futures, Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
    }

    /// <summary>
    /// Waits until the condition <paramref name="returnWhen"/> holds or the timeout passes, and says which futures are
    /// done. Never throws on timeout. A cancelled future counts as done. Python: <c>wait(fs, timeout, return_when)</c>.
    /// </summary>
    /// <remarks>
    /// Python's documentation counts a cancelled future as done, which is what happens here; CPython 3.13 can instead
    /// hang in <c>wait</c> for a future cancelled while the wait is under way, which this implementation does not copy.
    /// As in Python, a <paramref name="returnWhen"/> that is not one of the three is an error only when the wait would
    /// have to block: with every future done, the call returns.
    /// </remarks>
    /// <param name="futures">The futures to wait for.</param>
    /// <param name="timeout">How long to wait at most; null for no limit.</param>
    /// <param name="returnWhen">When to return.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="returnWhen"/> is not a <see cref="ReturnWhen"/> value
    /// and some future is not done; or the timeout is negative and not infinite.</exception>
    public static async Task<DoneAndNotDone> WaitAsync(IEnumerable<ActorFuture> futures, TimeSpan? timeout = null,
        ReturnWhen returnWhen = ReturnWhen.AllCompleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var all = futures.Distinct(ReferenceEqualityComparer.Instance).Cast<ActorFuture>().ToList();
        var deadline = MonotonicClock.DeadlineAfter(Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
        while (!Satisfied(all, returnWhen))
        {
            if (!Enum.IsDefined(returnWhen))
                throw new ArgumentOutOfRangeException(nameof(returnWhen), returnWhen, "Not one of AllCompleted, FirstCompleted, FirstException.");
            var waitFor = returnWhen == ReturnWhen.AllCompleted
                ? Task.WhenAll(all.Where(f => !f.IsDone).Select(f => f.Completion))
                : Task.WhenAny(all.Where(f => !f.IsDone).Select(f => f.Completion));
            try
            {
                if (deadline == MonotonicClock.Never) await waitFor.WaitAsync(cancellationToken).ConfigureAwait(false);
                else await waitFor.WaitAsync(MonotonicClock.Until(deadline), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        var done = all.Where(f => f.IsDone).ToHashSet();
        return new DoneAndNotDone(done, all.Where(f => !done.Contains(f)).ToHashSet());
    }

    private static bool Satisfied(List<ActorFuture> all, ReturnWhen returnWhen) => returnWhen switch
    {
        ReturnWhen.FirstCompleted => all.Count == 0 || all.Any(f => f.IsDone),
        ReturnWhen.FirstException => all.All(f => f.IsDone) || all.Any(f => f.IsDone && f.FinishedException is not null),
        _ => all.All(f => f.IsDone),
    };
}
