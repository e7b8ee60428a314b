using Actors.Internal;

namespace Actors.Executor;

/// <summary>
/// What <see cref="ActorFutures.AsCompleted(IEnumerable{ActorFuture}, TimeSpan?)"/> returns: the futures in the order
/// they complete, those already done first, each once. Like Python's generator, an enumeration does nothing until its
/// first <see cref="IAsyncEnumerator{T}.MoveNextAsync"/>: the futures are read and the timeout starts then. It keeps no
/// reference to a future it has yielded once the next <c>MoveNextAsync</c> is called.
/// </summary>
/// <typeparam name="TFuture">The futures' type.</typeparam>
internal sealed class CompletionOrder<TFuture>(IEnumerable<TFuture> futures, TimeSpan? limit) : IAsyncEnumerable<TFuture>
    where TFuture : ActorFuture
{
    /// <inheritdoc />
    public IAsyncEnumerator<TFuture> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(futures, limit, cancellationToken);

    private sealed class Enumerator(IEnumerable<TFuture> futures, TimeSpan? limit, CancellationToken cancellationToken)
        : IAsyncEnumerator<TFuture>
    {
        private IEnumerable<TFuture>? _futures = futures;
        private TaskCompletionSource<TFuture>?[] _slots = [];
        private long _deadline;
        private int _next;
        private TFuture? _current;

        /// <inheritdoc />
        public TFuture Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true.");

        /// <inheritdoc />
        public async ValueTask<bool> MoveNextAsync()
        {
            _current = null;
            if (_futures is not null) Start();
            if (_next == _slots.Length) return false;
            var slot = _slots[_next]!;
            _current = _deadline == MonotonicClock.Never
                ? await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await slot.Task.WaitAsync(MonotonicClock.Until(_deadline), cancellationToken).ConfigureAwait(false);
            _slots[_next++] = null;
            return true;
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync()
        {
            _current = null;
            _slots = [];
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Starts the clock and lets each future, when done, claim the next free slot; the slots are then awaited in
        /// order: completion order. Futures already done claim theirs at once, in the order given.
        /// </summary>
        private void Start()
        {
            _deadline = MonotonicClock.DeadlineAfter(limit);
            var distinct = _futures!.Distinct(ReferenceEqualityComparer.Instance).Cast<TFuture>().ToList();
            _futures = null;
            var slots = new TaskCompletionSource<TFuture>?[distinct.Count];
            for (var i = 0; i < slots.Length; i++) slots[i] = new TaskCompletionSource<TFuture>(TaskCreationOptions.RunContinuationsAsynchronously);
            _slots = slots;
            var claimed = -1;
            foreach (var future in distinct) future.AddDoneCallback(f => slots[Interlocked.Increment(ref claimed)]!.SetResult((TFuture)f));
        }
    }
}
