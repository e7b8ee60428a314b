using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// Python's <c>queue.Queue</c>, <c>LifoQueue</c> and <c>PriorityQueue</c> for async code: a typed facade over a queue
/// coordinator actor. The kind and the bound are chosen when the coordinator is created
/// (<see cref="Create"/>, <see cref="CreateLifo"/>, <see cref="CreatePriority"/>).
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>No item is ever lost to a race: an item that reaches a getter whose wait was cancelled (or given up) goes back
/// to the head of the queue, or to its old place in a priority queue.</item>
/// <item>A put whose acknowledgement crosses its cancellation completes normally: the item is in the queue, and undoing
/// a put could not be done without reordering other getters.</item>
/// <item>A priority queue keeps equal items in the order they were put (Python does not promise this).</item>
/// <item>Waiters are served in FIFO order; <see cref="JoinAsync(TimeSpan, CancellationToken)"/> may time out.</item>
/// </list>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ActorQueue<T> : CoordinatorFacade
{
    /// <summary>Creates a facade over an existing queue coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>, <see cref="LifoProps"/> or <see cref="PriorityProps"/>.</param>
    /// <param name="owner">The owner requests are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorQueue(IActorRef coordinator, IActorRef? owner = null) : base(coordinator, owner)
    {
    }

    /// <summary>The props of a FIFO queue (Python: <c>Queue(maxsize)</c>).</summary>
    /// <param name="maxSize">The bound; zero or less means unbounded, as in Python.</param>
    public static Props Props(int maxSize = 0) => QueueProps(() => new ItemStore.Fifo(), maxSize, tracksTasks: true);

    /// <summary>The props of a LIFO queue (Python: <c>LifoQueue(maxsize)</c>).</summary>
    /// <param name="maxSize">The bound; zero or less means unbounded.</param>
    public static Props LifoProps(int maxSize = 0) => QueueProps(() => new ItemStore.Lifo(), maxSize, tracksTasks: true);

    /// <summary>The props of a priority queue (Python: <c>PriorityQueue(maxsize)</c>): smallest item first.</summary>
    /// <remarks>
    /// An item the comparer cannot order among the others is refused (<see cref="ArgumentException"/> from the facade,
    /// Python's <c>TypeError</c>) and the queue is left as it was. Unlike Python, a null item is accepted when the
    /// comparer orders nulls (<see cref="Comparer{T}.Default"/> puts them first).
    /// </remarks>
    /// <param name="comparer">Orders the items; <see cref="Comparer{T}.Default"/> if null. Equal items leave in the order they were put.</param>
    /// <param name="maxSize">The bound; zero or less means unbounded.</param>
    public static Props PriorityProps(IComparer<T>? comparer = null, int maxSize = 0)
    {
        var typed = comparer ?? Comparer<T>.Default;
        var untyped = Comparer<object?>.Create((a, b) => typed.Compare((T)a!, (T)b!));
        return QueueProps(() => new ItemStore.Priority(untyped, item => item is T || (item is null && default(T) is null)), maxSize, tracksTasks: true);
    }

    /// <summary>Creates a FIFO queue coordinator and returns a facade over it.</summary>
    public static ActorQueue<T> Create(IActorRefFactory factory, int maxSize = 0, string? name = null) => new(Spawn(factory, Props(maxSize), name));

    /// <summary>Creates a LIFO queue coordinator and returns a facade over it.</summary>
    public static ActorQueue<T> CreateLifo(IActorRefFactory factory, int maxSize = 0, string? name = null) => new(Spawn(factory, LifoProps(maxSize), name));

    /// <summary>Creates a priority queue coordinator and returns a facade over it.</summary>
    public static ActorQueue<T> CreatePriority(IActorRefFactory factory, IComparer<T>? comparer = null, int maxSize = 0, string? name = null) =>
        new(Spawn(factory, PriorityProps(comparer, maxSize), name));

    /// <summary>A facade over the same queue acting for <paramref name="owner"/>.</summary>
    public ActorQueue<T> WithOwner(IActorRef owner) => new(Coordinator, owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Puts <paramref name="item"/>, waiting for room as long as needed. Python: <c>put(item)</c>.</summary>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the item went in.</exception>
    public async Task PutAsync(T item, CancellationToken cancellationToken = default) =>
        await PutCoreAsync(item, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Puts <paramref name="item"/>, waiting at most <paramref name="timeout"/> for room. Python: <c>put(item, timeout=...)</c>.</summary>
    /// <exception cref="QueueFullException">The queue stayed full for the whole timeout.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the item went in.</exception>
    public async Task PutAsync(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!await PutCoreAsync(item, Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false)) throw new QueueFullException();
    }

    /// <summary>Puts <paramref name="item"/> only if there is room now. Python: <c>put_nowait(item)</c>.</summary>
    /// <exception cref="QueueFullException">The queue is full.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task PutNowaitAsync(T item) => PutAsync(item, TimeSpan.Zero);

    /// <summary>Puts <paramref name="item"/> if room appears within <paramref name="timeout"/>.</summary>
    /// <returns>True if the item went in; false if the queue stayed full.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task<bool> TryPutAsync(T item, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        PutCoreAsync(item, Timeouts.ForRequest(timeout), cancellationToken);

    /// <summary>Takes the next item, waiting as long as needed. Python: <c>get()</c>.</summary>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken.</exception>
    public async Task<T> GetAsync(CancellationToken cancellationToken = default) =>
        (T)(await GetCoreAsync(null, cancellationToken).ConfigureAwait(false))!.Item!;

    /// <summary>Takes the next item, waiting at most <paramref name="timeout"/>. Python: <c>get(timeout=...)</c>.</summary>
    /// <exception cref="QueueEmptyException">No item arrived within the timeout.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken.</exception>
    public async Task<T> GetAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await GetCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is { } got
            ? (T)got.Item!
            : throw new QueueEmptyException();

    /// <summary>Takes the next item only if there is one now. Python: <c>get_nowait()</c>.</summary>
    /// <exception cref="QueueEmptyException">The queue is empty.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    public Task<T> GetNowaitAsync() => GetAsync(TimeSpan.Zero);

    /// <summary>Marks one item taken out of the queue as processed. Python: <c>task_done()</c>.</summary>
    /// <returns>Items still unfinished.</returns>
    /// <exception cref="InvalidOperationException">Called more times than items were put (Python's <c>ValueError</c>).</exception>
    public async Task<int> TaskDoneAsync()
    {
        var reply = await CoordinatorClient.AskAsync(Coordinator, new QueueProtocol.TaskDone(RequestIds.Next())).ConfigureAwait(false);
        return CoordinatorClient.Expect<QueueProtocol.TaskDoneAck>(reply).Unfinished;
    }

    /// <summary>Waits until every item put has been marked done. Python: <c>join()</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public async Task JoinAsync(CancellationToken cancellationToken = default) =>
        await JoinCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits at most <paramref name="timeout"/> until every item put has been marked done.</summary>
    /// <returns>True if all items are done; false if the timeout passed first.</returns>
    public Task<bool> JoinAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        JoinCoreAsync(Timeouts.ForRequest(timeout), cancellationToken);

    /// <summary>Shuts the queue down. Python 3.13: <c>shutdown(immediate)</c>; see <see cref="QueueProtocol.Shutdown"/>.</summary>
    /// <returns>The number of items an immediate shutdown discarded.</returns>
    public async Task<int> ShutdownAsync(bool immediate = false)
    {
        var reply = await CoordinatorClient.AskAsync(Coordinator, new QueueProtocol.Shutdown(RequestIds.Next(), immediate)).ConfigureAwait(false);
        return CoordinatorClient.Expect<QueueProtocol.ShutdownDone>(reply).Discarded;
    }

    /// <summary>The number of items in the queue. Python: <c>qsize()</c>.</summary>
    public async Task<int> CountAsync() => (await GetStateAsync().ConfigureAwait(false)).Count;

    /// <summary>Whether the queue is empty. Python: <c>empty()</c>.</summary>
    public async Task<bool> IsEmptyAsync() => (await GetStateAsync().ConfigureAwait(false)).IsEmpty;

    /// <summary>Whether the queue is full. Python: <c>full()</c>.</summary>
    public async Task<bool> IsFullAsync() => (await GetStateAsync().ConfigureAwait(false)).IsFull;

    /// <summary>Count, bound, unfinished tasks, shutdown flag and waiters.</summary>
    public async Task<QueueProtocol.QueueState> GetStateAsync()
    {
        var reply = await CoordinatorClient.AskAsync(Coordinator, new QueueProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
        return CoordinatorClient.Expect<QueueProtocol.QueueState>(reply);
    }

    internal static Props QueueProps(Func<ItemStore> newStore, int maxSize, bool tracksTasks) =>
        Akka.Actor.Props.Create(() => new QueueCoordinator(newStore, maxSize, tracksTasks));

    internal static IActorRef SpawnCoordinator(IActorRefFactory factory, Props props, string? name) => Spawn(factory, props, name);

    private static Exception? ShutDownOutcome(object reply) => reply is QueueProtocol.QueueShutDown ? new QueueShutDownException() : null;

    private async Task<bool> PutCoreAsync(T item, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Next();
        return await CoordinatorClient.WaitForGrantAsync<QueueProtocol.PutDone, QueueProtocol.Full>(Coordinator,
            new QueueProtocol.Put(requestId, Owner, item, timeout), requestId, Owner, timeout, giveBack: null, cancellationToken,
            ShutDownOutcome).ConfigureAwait(false) is not null;
    }

    private Task<QueueProtocol.Got?> GetCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Next();
        return CoordinatorClient.WaitForGrantAsync<QueueProtocol.Got, QueueProtocol.Empty>(Coordinator,
            new QueueProtocol.Get(requestId, Owner, timeout), requestId, Owner, timeout,
            got => CoordinatorClient.Tell(Coordinator, new QueueProtocol.Return(RequestIds.Next(), got.Item, got.Sequence)),
            cancellationToken, ShutDownOutcome);
    }

    private async Task<bool> JoinCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Next();
        return await CoordinatorClient.WaitForGrantAsync<QueueProtocol.Joined, QueueProtocol.JoinTimedOut>(Coordinator,
            new QueueProtocol.Join(requestId, Owner, timeout), requestId, Owner, timeout, giveBack: null, cancellationToken)
            .ConfigureAwait(false) is not null;
    }
}
