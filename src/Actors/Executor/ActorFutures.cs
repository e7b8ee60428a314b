using System.Runtime.CompilerServices;
using Actors.Internal;

namespace Actors.Executor;

/// <summary>Python's module functions of <c>concurrent.futures</c>: <c>as_completed</c> and <c>wait</c>.</summary>
public static class ActorFutures
{
    /// <summary>
    /// Yields the futures as they complete: those already done first, each future once however often it is given.
    /// Python: <c>as_completed(fs, timeout)</c>.
    /// </summary>
    /// <param name="futures">The futures to watch.</param>
    /// <param name="timeout">Counted from this call; when it passes, the iteration throws <see cref="TimeoutException"/>
    /// after yielding every future done in time. Null for no limit.</param>
    public static IAsyncEnumerable<ActorFuture> AsCompleted(IEnumerable<ActorFuture> futures, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var deadline = MonotonicClock.DeadlineAfter(Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
        var distinct = futures.Distinct(ReferenceEqualityComparer.Instance).Cast<ActorFuture>().ToList();
        var done = new List<ActorFuture>();
        var pending = new List<ActorFuture>();
        foreach (var future in distinct) (future.IsDone ? done : pending).Add(future);
        return InCompletionOrder(done, pending, deadline);
    }

    /// <summary>
    /// Like <see cref="AsCompleted(IEnumerable{ActorFuture}, TimeSpan?)"/> for futures of one result type, yielding them typed
    /// so their results can be awaited without a cast.
    /// </summary>
    public static IAsyncEnumerable<ActorFuture<T>> AsCompleted<T>(IEnumerable<ActorFuture<T>> futures, TimeSpan? timeout = null) =>
        Typed<T>(AsCompleted((IEnumerable<ActorFuture>)futures, timeout));

    private static async IAsyncEnumerable<ActorFuture<T>> Typed<T>(IAsyncEnumerable<ActorFuture> futures,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var future in futures.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return (ActorFuture<T>)future;
    }

    /// <summary>
    /// Waits until the condition <paramref name="returnWhen"/> holds or the timeout passes, and says which futures are
    /// done. Never throws on timeout. A cancelled future counts as done. Python: <c>wait(fs, timeout, return_when)</c>.
    /// </summary>
    /// <remarks>
    /// Python's documentation counts a cancelled future as done, which is what happens here; CPython 3.13 can instead
    /// hang in <c>wait</c> for a future cancelled while the wait is under way, which this implementation does not copy.
    /// </remarks>
    /// <param name="futures">The futures to wait for.</param>
    /// <param name="timeout">How long to wait at most; null for no limit.</param>
    /// <param name="returnWhen">When to return.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task<DoneAndNotDone> WaitAsync(IEnumerable<ActorFuture> futures, TimeSpan? timeout = null,
        ReturnWhen returnWhen = ReturnWhen.AllCompleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var all = futures.Distinct(ReferenceEqualityComparer.Instance).Cast<ActorFuture>().ToList();
        var deadline = MonotonicClock.DeadlineAfter(Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
        while (!Satisfied(all, returnWhen))
        {
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

    private static async IAsyncEnumerable<ActorFuture> InCompletionOrder(List<ActorFuture> done, List<ActorFuture> pending, long deadline,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var future in done) yield return future;

        // Each future, when done, claims the next free slot; the slots are then awaited in order: completion order.
        var slots = pending.Select(_ => new TaskCompletionSource<ActorFuture>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var next = -1;
        foreach (var future in pending) future.AddDoneCallback(f => slots[Interlocked.Increment(ref next)].SetResult(f));

        foreach (var slot in slots)
        {
            if (deadline == MonotonicClock.Never) yield return await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            else yield return await slot.Task.WaitAsync(MonotonicClock.Until(deadline), cancellationToken).ConfigureAwait(false);
        }
    }
}
