using System.Runtime.CompilerServices;
using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

// Over 300 lines on purpose: the public face of Python's queue API, each method with its documented timeout and
// cancellation variants and its differences from Python. Every call is one request through CoordinatorClient.

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
/// <item>Batch methods, which Python lacks, move many items per message: <see cref="PutManyAsync(IEnumerable{T}, CancellationToken)"/>
/// (all or nothing), <see cref="GetManyAsync(int, CancellationToken)"/>, <see cref="ReadAllAsync"/> and
/// <see cref="TaskDoneAsync(int)"/>.</item>
/// <item>Over a durable queue (a cluster queue with persistence, <see cref="DurableBehavior"/>) the facade confirms each
/// delivery as soon as it arrives; an item whose getter's node dies before that goes back to its place, so across
/// nodes an item may be delivered more than once, never lost. In one process nothing changes.</item>
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
        return QueueProps(PriorityStore(comparer), maxSize, tracksTasks: true);
    }

    private static Func<ItemStore> PriorityStore(IComparer<T>? comparer)
    {
        var typed = comparer ?? Comparer<T>.Default;
        var untyped = Comparer<object?>.Create((a, b) => typed.Compare((T)a!, (T)b!));
        return () => new ItemStore.Priority(untyped, item => item is T || (item is null && default(T) is null));
    }

    /// <summary>A confirmation time, checked: positive and finite.</summary>
    internal static TimeSpan ConfirmationTime(TimeSpan confirmWithin)
    {
        if (confirmWithin <= TimeSpan.Zero || confirmWithin == Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(confirmWithin), confirmWithin, "A getter needs a positive, finite time to confirm a delivery.");
        return confirmWithin;
    }

    /// <summary>
    /// A new durable FIFO queue coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>)
    /// that journals its <see cref="Coordinator.TakeDurableEvents"/> (<see cref="QueueDurableEvents"/>) and snapshots its
    /// <see cref="Coordinator.CaptureDurableState"/> (a <see cref="QueueDurableState"/>), such as a cluster entity.
    /// </summary>
    /// <remarks>
    /// Unlike a queue in one process, it keeps every item it delivers until the getter confirms receipt
    /// (<see cref="QueueProtocol.ConfirmDelivery"/>, sent by the facades themselves), and puts it back at its place if
    /// the getter's owner terminates or <paramref name="confirmWithin"/> passes first: a reply lost with the getter's
    /// node does not lose the item. Across nodes a queue therefore delivers at least once.
    /// </remarks>
    /// <param name="maxSize">The bound; zero or less means unbounded.</param>
    /// <param name="confirmWithin">How long a getter has to confirm a delivery.</param>
    public static Coordinator DurableBehavior(int maxSize, TimeSpan confirmWithin) =>
        new QueueCoordinator(() => new ItemStore.Fifo(), maxSize, tracksTasks: true, ConfirmationTime(confirmWithin));

    /// <summary>A new durable LIFO queue coordinator's behaviour; see <see cref="DurableBehavior"/>.</summary>
    /// <param name="maxSize">The bound; zero or less means unbounded.</param>
    /// <param name="confirmWithin">How long a getter has to confirm a delivery.</param>
    public static Coordinator DurableLifoBehavior(int maxSize, TimeSpan confirmWithin) =>
        new QueueCoordinator(() => new ItemStore.Lifo(), maxSize, tracksTasks: true, ConfirmationTime(confirmWithin));

    /// <summary>A new durable priority queue coordinator's behaviour; see <see cref="DurableBehavior"/> and <see cref="PriorityProps"/>.</summary>
    /// <param name="comparer">Orders the items; <see cref="Comparer{T}.Default"/> if null.</param>
    /// <param name="maxSize">The bound; zero or less means unbounded.</param>
    /// <param name="confirmWithin">How long a getter has to confirm a delivery.</param>
    public static Coordinator DurablePriorityBehavior(IComparer<T>? comparer, int maxSize, TimeSpan confirmWithin) =>
        new QueueCoordinator(PriorityStore(comparer), maxSize, tracksTasks: true, ConfirmationTime(confirmWithin));

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
    /// <exception cref="ArgumentOutOfRangeException">The queue is bounded and the timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the item went in.</exception>
    /// <remarks>As in Python, an unbounded queue never waits for room and ignores the timeout, even a negative one.</remarks>
    public async Task PutAsync(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!await PutWithTimeoutAsync(item, timeout, cancellationToken).ConfigureAwait(false)) throw new QueueFullException();
    }

    /// <summary>Puts <paramref name="item"/> only if there is room now. Python: <c>put_nowait(item)</c>.</summary>
    /// <exception cref="QueueFullException">The queue is full.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public Task PutNowaitAsync(T item) => PutAsync(item, TimeSpan.Zero);

    /// <summary>Puts <paramref name="item"/> if room appears within <paramref name="timeout"/>.</summary>
    /// <returns>True if the item went in; false if the queue stayed full.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The queue is bounded and the timeout is negative and not infinite.</exception>
    /// <remarks>An unbounded queue ignores the timeout, even a negative one (see <see cref="PutAsync(T, TimeSpan, CancellationToken)"/>).</remarks>
    public Task<bool> TryPutAsync(T item, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        PutWithTimeoutAsync(item, timeout, cancellationToken);

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

    /// <summary>
    /// Puts all <paramref name="items"/> in one step, in order, waiting as long as needed until there is room for all of
    /// them. See <see cref="QueueProtocol.PutMany"/>.
    /// </summary>
    /// <remarks>
    /// Python has no batch put. All or nothing: the items go in together once there is room for every one, behind the
    /// puts that waited before (and ahead of those that come after). An empty batch completes at once.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">The batch is larger than a bounded queue's maxsize, or a priority queue cannot order an item (see <see cref="QueueProtocol.PutMany"/> for what went in then).</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the items went in; none did.</exception>
    public async Task PutManyAsync(IEnumerable<T> items, CancellationToken cancellationToken = default) =>
        await PutManyCoreAsync(items, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Puts all <paramref name="items"/> in one step, in order, waiting at most <paramref name="timeout"/> for room for all
    /// of them. See <see cref="PutManyAsync(IEnumerable{T}, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="QueueFullException">There was not room for all the items within the timeout; none went in.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">The batch is larger than a bounded queue's maxsize, or a priority queue cannot order an item.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the items went in; none did.</exception>
    public async Task PutManyAsync(IEnumerable<T> items, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var requestTimeout = Timeouts.ForRequest(timeout);
        if (!await PutManyCoreAsync(items, requestTimeout, cancellationToken).ConfigureAwait(false)) throw new QueueFullException();
    }

    /// <summary>
    /// Takes up to <paramref name="maxCount"/> items in one step, waiting as long as needed for the first one; it never
    /// waits for more. See <see cref="QueueProtocol.GetMany"/>.
    /// </summary>
    /// <remarks>Python has no batch get: this is <c>get()</c> then <c>get_nowait()</c> until the queue is empty or the maximum is reached.</remarks>
    /// <returns>At least one item and at most <paramref name="maxCount"/>, in the order single gets would return them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below one.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken (items that crossed the cancellation went back to their places).</exception>
    public async Task<IReadOnlyList<T>> GetManyAsync(int maxCount, CancellationToken cancellationToken = default) =>
        (await GetManyCoreAsync(maxCount, null, cancellationToken).ConfigureAwait(false))!;

    /// <summary>Takes up to <paramref name="maxCount"/> items in one step, waiting at most <paramref name="timeout"/> for the first one.</summary>
    /// <returns>At least one item and at most <paramref name="maxCount"/>, in the order single gets would return them.</returns>
    /// <exception cref="QueueEmptyException">No item arrived within the timeout.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below one, or the timeout is negative and not infinite.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and has no item left.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no item was taken.</exception>
    public async Task<IReadOnlyList<T>> GetManyAsync(int maxCount, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var requestTimeout = Timeouts.ForRequest(timeout);
        return await GetManyCoreAsync(maxCount, requestTimeout, cancellationToken).ConfigureAwait(false) ?? throw new QueueEmptyException();
    }

    /// <summary>
    /// Reads every item until the queue is shut down and drained, taking up to <paramref name="batchSize"/> items per
    /// message; the enumeration then ends normally, like <see cref="System.Threading.Channels.ChannelReader{T}.ReadAllAsync"/>
    /// on a completed channel.
    /// </summary>
    /// <remarks>
    /// A .NET addition; Python's consumer loop is <c>while True: item = q.get()</c> until <c>ShutDown</c>. Items read this
    /// way still count as unfinished until <see cref="TaskDoneAsync(int)"/> marks them. If the enumeration is left early
    /// (break, exception, cancellation), the items already taken but not yet handed out go back to their places.
    /// </remarks>
    /// <param name="batchSize">The most items taken per message; at least one.</param>
    /// <param name="cancellationToken">Ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below one (thrown at once).</exception>
    public IAsyncEnumerable<T> ReadAllAsync(int batchSize = 64, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return ReadAllCoreAsync(batchSize, cancellationToken);
    }

    /// <summary>Marks one item taken out of the queue as processed. Python: <c>task_done()</c>.</summary>
    /// <returns>Items still unfinished.</returns>
    /// <exception cref="InvalidOperationException">Called more times than items were put (Python's <c>ValueError</c>).</exception>
    public Task<int> TaskDoneAsync() => TaskDoneAsync(1);

    /// <summary>Marks <paramref name="count"/> items taken out of the queue as processed: Python's <c>task_done()</c> <paramref name="count"/> times, in one message.</summary>
    /// <remarks>Unlike <paramref name="count"/> calls in Python, it is all or nothing: if fewer items are unfinished, none is marked done.</remarks>
    /// <returns>Items still unfinished.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below one.</exception>
    /// <exception cref="InvalidOperationException">Fewer than <paramref name="count"/> items are unfinished (Python's <c>ValueError</c>).</exception>
    public async Task<int> TaskDoneAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (await CoordinatorClient.RequestAsync(Coordinator, new QueueProtocol.TaskDone(RequestIds.Next(), count)).ConfigureAwait(false)).Unfinished;
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
        return (await CoordinatorClient.RequestAsync(Coordinator, new QueueProtocol.Shutdown(RequestIds.Next(), immediate)).ConfigureAwait(false)).Discarded;
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
        return await CoordinatorClient.RequestAsync(Coordinator, new QueueProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    internal static Props QueueProps(Func<ItemStore> newStore, int maxSize, bool tracksTasks) =>
        CoordinatorActor.PropsFor(() => new QueueCoordinator(newStore, maxSize, tracksTasks));

    internal static IActorRef SpawnCoordinator(IActorRefFactory factory, Props props, string? name) => Spawn(factory, props, name);

    private static Exception ShutDownOutcome(IReply reply) =>
        reply is QueueProtocol.QueueShutDown ? new QueueShutDownException() : CoordinatorClient.Unexpected(reply);

    /// <summary>
    /// Puts with a timeout that only a bounded queue uses. The facade does not know the bound, so a timeout out of range
    /// goes to the coordinator as it is: an unbounded queue ignores it, a bounded one rejects it, which is thrown as
    /// <see cref="ArgumentOutOfRangeException"/>, as the facade would have thrown it for a valid request.
    /// </summary>
    private async Task<bool> PutWithTimeoutAsync(T item, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Timeouts.IsValid(timeout)) return await PutCoreAsync(item, Timeouts.Normalize(timeout), cancellationToken).ConfigureAwait(false);
        try
        {
            return await PutCoreAsync(item, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException rejected) when (rejected.Message == Timeouts.InvalidMessage)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, rejected.Message);
        }
    }

    private async Task<bool> PutCoreAsync(T item, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return await CoordinatorClient.WaitForGrantAsync<QueueProtocol.IPutReply, QueueProtocol.PutDone>(Coordinator,
            new QueueProtocol.Put(RequestIds.Next(), Owner, item, timeout), giveBack: null, cancellationToken, ShutDownOutcome)
            .ConfigureAwait(false) is not null;
    }

    private async Task<QueueProtocol.Got?> GetCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var got = await CoordinatorClient.WaitForGrantAsync<QueueProtocol.IGetReply, QueueProtocol.Got>(Coordinator,
            new QueueProtocol.Get(RequestIds.Next(), Owner, timeout),
            got => CoordinatorClient.Tell(Coordinator, new QueueProtocol.Return(RequestIds.Next(), got.Item, got.Sequence)),
            cancellationToken, ShutDownOutcome).ConfigureAwait(false);
        if (got is { AwaitsConfirmation: true }) ConfirmReceipt([got.Sequence]);
        return got;
    }

    /// <summary>Tells a durable queue that its delivery reached this process, so it need not put the items back.</summary>
    private void ConfirmReceipt(IReadOnlyList<long> sequences) =>
        CoordinatorClient.Tell(Coordinator, new QueueProtocol.ConfirmDelivery(RequestIds.Next(), sequences));

    private async Task<bool> PutManyCoreAsync(IEnumerable<T> items, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var batch = items.Select(item => (object?)item).ToArray();
        return await CoordinatorClient.WaitForGrantAsync<QueueProtocol.IPutManyReply, QueueProtocol.PutManyDone>(Coordinator,
            new QueueProtocol.PutMany(RequestIds.Next(), Owner, batch, timeout), giveBack: null, cancellationToken, ShutDownOutcome)
            .ConfigureAwait(false) is not null;
    }

    /// <summary>Null when the wait timed out.</summary>
    private async Task<IReadOnlyList<T>?> GetManyCoreAsync(int maxCount, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (await AskGetManyAsync(maxCount, timeout, cancellationToken).ConfigureAwait(false) is not { } got) return null;
        var items = new T[got.Items.Count];
        for (var index = 0; index < items.Length; index++) items[index] = (T)got.Items[index]!;
        return items;
    }

    /// <summary>
    /// Sends a <see cref="QueueProtocol.GetMany"/>; null when the wait timed out. A batch that crosses a cancellation goes
    /// back item by item, each to its place.
    /// </summary>
    private async Task<QueueProtocol.GotMany?> AskGetManyAsync(int maxCount, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var got = await CoordinatorClient.WaitForGrantAsync<QueueProtocol.IGetManyReply, QueueProtocol.GotMany>(Coordinator,
            new QueueProtocol.GetMany(RequestIds.Next(), Owner, maxCount, timeout),
            got => GiveBack(got.Items, got.Sequences, from: 0), cancellationToken, ShutDownOutcome).ConfigureAwait(false);
        if (got is { AwaitsConfirmation: true }) ConfirmReceipt(got.Sequences);
        return got;
    }

    private async IAsyncEnumerable<T> ReadAllCoreAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadBatchAsync(batchSize, cancellationToken).ConfigureAwait(false) is { } batch)
        {
            var handedOut = 0;
            try
            {
                while (handedOut < batch.Items.Count)
                {
                    var item = (T)batch.Items[handedOut]!;
                    handedOut++;
                    yield return item;
                }
            }
            finally
            {
                GiveBack(batch.Items, batch.Sequences, from: handedOut);
            }
        }
    }

    /// <summary>The next batch for <see cref="ReadAllAsync"/>; null once the queue is shut down and drained.</summary>
    private async Task<QueueProtocol.GotMany?> ReadBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            return await AskGetManyAsync(batchSize, null, cancellationToken).ConfigureAwait(false);
        }
        catch (QueueShutDownException)
        {
            return null;
        }
    }

    /// <summary>Returns the items of a batch from index <paramref name="from"/> on, each to its place by its sequence.</summary>
    private void GiveBack(IReadOnlyList<object?> items, IReadOnlyList<long> sequences, int from)
    {
        for (var index = from; index < items.Count; index++)
            CoordinatorClient.Tell(Coordinator, new QueueProtocol.Return(RequestIds.Next(), items[index], sequences[index]));
    }

    private async Task<bool> JoinCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return await CoordinatorClient.WaitForGrantAsync<QueueProtocol.IJoinReply, QueueProtocol.Joined>(Coordinator,
            new QueueProtocol.Join(RequestIds.Next(), Owner, timeout), giveBack: null, cancellationToken)
            .ConfigureAwait(false) is not null;
    }
}
