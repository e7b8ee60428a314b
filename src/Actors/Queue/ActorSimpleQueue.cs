using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// Python's <c>queue.SimpleQueue</c> for async code: an unbounded FIFO queue without task tracking
/// (no <c>task_done</c> or <c>join</c>).
/// </summary>
/// <remarks>
/// Unlike Python's <c>SimpleQueue</c>, it can be shut down (<see cref="ShutdownAsync"/>), like the other queues of
/// Python 3.13, so that consumers waiting on it can be released. No item is lost to a cancelled get.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ActorSimpleQueue<T>
{
    private readonly ActorQueue<T> _queue;

    /// <summary>Creates a facade over an existing simple-queue coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner requests are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorSimpleQueue(IActorRef coordinator, IActorRef? owner = null) => _queue = new ActorQueue<T>(coordinator, owner);

    /// <summary>The coordinator actor that holds the queue's state.</summary>
    public IActorRef Coordinator => _queue.Coordinator;

    /// <summary>The props of a simple queue.</summary>
    public static Props Props() => ActorQueue<T>.QueueProps(() => new ItemStore.Fifo(), maxSize: 0, tracksTasks: false);

    /// <summary>A new durable simple queue coordinator's behaviour; see <see cref="ActorQueue{T}.DurableBehavior"/>.</summary>
    /// <param name="confirmWithin">How long a getter has to confirm a delivery.</param>
    public static Actors.Coordination.Coordinator DurableBehavior(TimeSpan confirmWithin) =>
        new QueueCoordinator(() => new ItemStore.Fifo(), maxSize: 0, tracksTasks: false, ActorQueue<T>.ConfirmationTime(confirmWithin));

    /// <summary>Creates a simple-queue coordinator and returns a facade over it.</summary>
    public static ActorSimpleQueue<T> Create(IActorRefFactory factory, string? name = null) =>
        new(ActorQueue<T>.SpawnCoordinator(factory, Props(), name));

    /// <summary>Puts <paramref name="item"/>; never waits, the queue is unbounded. Python: <c>put(item)</c>.</summary>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task PutAsync(T item) => _queue.PutAsync(item);

    /// <summary>Puts <paramref name="item"/>; the same as <see cref="PutAsync"/>, since an unbounded queue is never full. Python: <c>put_nowait(item)</c>.</summary>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task PutNowaitAsync(T item) => _queue.PutAsync(item);

    /// <summary>Puts all <paramref name="items"/> in one step, in order; never waits, the queue is unbounded. See <see cref="ActorQueue{T}.PutManyAsync(IEnumerable{T}, CancellationToken)"/>.</summary>
    /// <remarks>Python has no batch put; this is <c>put(item)</c> for each item, with no other put between them.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task PutManyAsync(IEnumerable<T> items) => _queue.PutManyAsync(items);

    /// <summary>Takes up to <paramref name="maxCount"/> items in one step, waiting as long as needed for the first one. See <see cref="ActorQueue{T}.GetManyAsync(int, CancellationToken)"/>.</summary>
    /// <returns>At least one item and at most <paramref name="maxCount"/>, in put order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below one.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken.</exception>
    public Task<IReadOnlyList<T>> GetManyAsync(int maxCount, CancellationToken cancellationToken = default) =>
        _queue.GetManyAsync(maxCount, cancellationToken);

    /// <summary>Takes up to <paramref name="maxCount"/> items in one step, waiting at most <paramref name="timeout"/> for the first one.</summary>
    /// <returns>At least one item and at most <paramref name="maxCount"/>, in put order.</returns>
    /// <exception cref="QueueEmptyException">No item arrived within the timeout.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below one, or the timeout is negative and not infinite.</exception>
    public Task<IReadOnlyList<T>> GetManyAsync(int maxCount, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _queue.GetManyAsync(maxCount, timeout, cancellationToken);

    /// <summary>Reads every item until the queue is shut down and drained; see <see cref="ActorQueue{T}.ReadAllAsync"/>.</summary>
    /// <param name="batchSize">The most items taken per message; at least one.</param>
    /// <param name="cancellationToken">Ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below one.</exception>
    public IAsyncEnumerable<T> ReadAllAsync(int batchSize = 64, CancellationToken cancellationToken = default) =>
        _queue.ReadAllAsync(batchSize, cancellationToken);

    /// <summary>Takes the next item, waiting as long as needed. Python: <c>get()</c>.</summary>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken.</exception>
    public Task<T> GetAsync(CancellationToken cancellationToken = default) => _queue.GetAsync(cancellationToken);

    /// <summary>Takes the next item, waiting at most <paramref name="timeout"/>. Python: <c>get(timeout=...)</c>.</summary>
    /// <exception cref="QueueEmptyException">No item arrived within the timeout.</exception>
    public Task<T> GetAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => _queue.GetAsync(timeout, cancellationToken);

    /// <summary>Takes the next item only if there is one now. Python: <c>get_nowait()</c>.</summary>
    /// <exception cref="QueueEmptyException">The queue is empty.</exception>
    public Task<T> GetNowaitAsync() => _queue.GetNowaitAsync();

    /// <summary>Shuts the queue down; see <see cref="ActorQueue{T}.ShutdownAsync"/>.</summary>
    public Task<int> ShutdownAsync(bool immediate = false) => _queue.ShutdownAsync(immediate);

    /// <summary>The number of items in the queue. Python: <c>qsize()</c>.</summary>
    public Task<int> CountAsync() => _queue.CountAsync();

    /// <summary>Whether the queue is empty. Python: <c>empty()</c>.</summary>
    public Task<bool> IsEmptyAsync() => _queue.IsEmptyAsync();
}
