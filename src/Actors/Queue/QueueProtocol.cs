using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// The messages of a queue coordinator (Python's <c>queue.Queue</c>, <c>LifoQueue</c>, <c>PriorityQueue</c> and
/// <c>SimpleQueue</c>). From an actor, <see cref="Get"/> is answered with the item as a message when one arrives, and
/// <see cref="Put"/> is acknowledged only when there is room: that is the backpressure of a bounded queue.
/// <see cref="PutMany"/> and <see cref="GetMany"/> move many items per message (a .NET addition).
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting request with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class QueueProtocol
{
    /// <summary>The replies to <see cref="Put"/>: <see cref="PutDone"/>, <see cref="Full"/> or <see cref="QueueShutDown"/>.</summary>
    public interface IPutReply : IReply;

    /// <summary>The replies to <see cref="PutMany"/>: <see cref="PutManyDone"/>, <see cref="Full"/> or <see cref="QueueShutDown"/>.</summary>
    public interface IPutManyReply : IReply;

    /// <summary>The replies to <see cref="Get"/>: <see cref="Got"/>, <see cref="Empty"/> or <see cref="QueueShutDown"/>.</summary>
    public interface IGetReply : IReply;

    /// <summary>The replies to <see cref="GetMany"/>: <see cref="GotMany"/>, <see cref="Empty"/> or <see cref="QueueShutDown"/>.</summary>
    public interface IGetManyReply : IReply;

    /// <summary>The replies to <see cref="Join"/>: <see cref="Joined"/> or <see cref="JoinTimedOut"/>.</summary>
    public interface IJoinReply : IReply;

    /// <summary>
    /// Puts an item, waiting for room in a bounded queue. Replies: <see cref="PutDone"/>; <see cref="Full"/> if the
    /// timeout passed first (at once if it is zero: Python's <c>put_nowait</c>); <see cref="QueueShutDown"/> after a shutdown.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who puts: an actor, whose waiting put is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Item">The item; a priority queue accepts only items of its element type.</param>
    /// <param name="Timeout">How long to wait for room: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.
    /// An unbounded queue never waits and ignores it, even a value out of range, as Python does.</param>
    public sealed record Put(long RequestId, IActorRef Owner, object? Item, TimeSpan? Timeout = null) : IWaitingRequest<IPutReply>;

    /// <summary>The item is in the queue.</summary>
    /// <param name="RequestId">The id of the put.</param>
    public sealed record PutDone(long RequestId) : IPutReply;

    /// <summary>The queue stayed full until the put's timeout (Python's <c>queue.Full</c>).</summary>
    /// <param name="RequestId">The id of the put.</param>
    public sealed record Full(long RequestId) : IPutReply, IPutManyReply, ITimedOutReply;

    /// <summary>
    /// Puts several items at once, all or nothing: waits until there is room for every one of them, then adds them all,
    /// in order, in one step. Replies: <see cref="PutManyDone"/>; <see cref="Full"/> if the timeout passed first (nothing
    /// was put); <see cref="QueueShutDown"/> after a shutdown.
    /// </summary>
    /// <remarks>
    /// <para>Python has no batch operations; this is <c>put(item)</c> for each item with no wait and no other request
    /// between them: the items stand together in the queue, in order (a priority queue orders them among the others).</para>
    /// <para>Putters are served in arrival order whatever their size: a batch waiting for room holds back the puts that
    /// came after it, even single items that would fit (no barging), and a put that arrives while others wait queues
    /// behind them. An empty batch needs no room and is acknowledged at once (<see cref="PutManyDone"/> with count 0),
    /// unless the queue is shut down.</para>
    /// <para>Rejected (<see cref="Protocol.RejectionReason.InvalidArgument"/>) without putting anything when the list is
    /// null, when a bounded queue's maxsize is smaller than the batch (it could never fit), or when a priority queue does
    /// not accept one of the items' types (all are checked first). If a priority queue's comparer throws while ordering
    /// an item (Python's <c>TypeError</c>), the items before that one are in the queue and count as put; the rejection's
    /// message says how many went in, and the item that failed and the ones after it did not.</para>
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who puts: an actor, whose waiting put is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Items">The items, in the order they go in; a priority queue accepts only items of its element type. The list must not change once sent.</param>
    /// <param name="Timeout">How long to wait for room for all of them: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record PutMany(long RequestId, IActorRef Owner, IReadOnlyList<object?> Items, TimeSpan? Timeout = null) : IWaitingRequest<IPutManyReply>;

    /// <summary>All the items of a <see cref="PutMany"/> are in the queue.</summary>
    /// <param name="RequestId">The id of the put.</param>
    /// <param name="Count">How many items went in: all of the request's.</param>
    public sealed record PutManyDone(long RequestId, int Count) : IPutManyReply;

    /// <summary>
    /// Takes the next item, waiting for one. Replies: <see cref="Got"/>; <see cref="Empty"/> if the timeout passed first
    /// (at once if it is zero: Python's <c>get_nowait</c>); <see cref="QueueShutDown"/> once the queue is shut down and
    /// has no item left for this getter.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who gets: an actor, whose waiting get is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait for an item: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Get(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IGetReply>;

    /// <summary>The next item, now taken out of the queue.</summary>
    /// <remarks>
    /// If the getter no longer wants it (its cancel crossed this reply), it must send <see cref="Return"/> with the same
    /// sequence. If <paramref name="AwaitsConfirmation"/> is set (a durable queue), it must confirm receipt with
    /// <see cref="ConfirmDelivery"/>, or the item goes back to its place when the getter's owner terminates or the
    /// queue's confirmation time passes.
    /// </remarks>
    /// <param name="RequestId">The id of the get.</param>
    /// <param name="Item">The item.</param>
    /// <param name="Sequence">The item's place in the queue, for <see cref="Return"/> and <see cref="ConfirmDelivery"/>.</param>
    /// <param name="AwaitsConfirmation">Whether the queue keeps the item until the getter confirms receipt (a durable queue); false in one process.</param>
    public sealed record Got(long RequestId, object? Item, long Sequence, bool AwaitsConfirmation = false) : IGetReply;

    /// <summary>
    /// Takes up to <paramref name="MaxCount"/> items at once: waits for at least one (like <see cref="Get"/>), then takes
    /// every item available, up to the maximum, in the order single gets would have taken them. Replies:
    /// <see cref="GotMany"/>; <see cref="Empty"/> if the timeout passed before any item arrived (at once if it is zero);
    /// <see cref="QueueShutDown"/> once the queue is shut down and has no item left for this getter.
    /// </summary>
    /// <remarks>
    /// Python has no batch operations; this is <c>get()</c> followed by <c>get_nowait()</c> until the queue is empty or the
    /// maximum reached, in one step. It never waits for more than the first item. Getters are served in arrival order;
    /// each takes what is there when its turn comes. Rejected (<see cref="Protocol.RejectionReason.InvalidArgument"/>) if
    /// <paramref name="MaxCount"/> is below one. If a priority queue's comparer throws while ordering the items left, the
    /// getter receives the items taken before the failure, or a rejection if there were none.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who gets: an actor, whose waiting get is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="MaxCount">The most items to take; at least one.</param>
    /// <param name="Timeout">How long to wait for the first item: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record GetMany(long RequestId, IActorRef Owner, int MaxCount, TimeSpan? Timeout = null) : IWaitingRequest<IGetManyReply>;

    /// <summary>Items now taken out of the queue: at least one, at most the request's maximum.</summary>
    /// <remarks>
    /// If the getter no longer wants them (its cancel crossed this reply), it must send a <see cref="Return"/> for each,
    /// with its sequence; the returns may go in any order. If <paramref name="AwaitsConfirmation"/> is set, it must
    /// confirm the others with <see cref="ConfirmDelivery"/> (see <see cref="Got"/>).
    /// </remarks>
    /// <param name="RequestId">The id of the get.</param>
    /// <param name="Items">The items, in the order they were taken.</param>
    /// <param name="Sequences">Each item's place in the queue, for <see cref="Return"/>; as many as <paramref name="Items"/>.</param>
    /// <param name="AwaitsConfirmation">Whether the queue keeps the items until the getter confirms receipt (a durable queue); false in one process.</param>
    public sealed record GotMany(long RequestId, IReadOnlyList<object?> Items, IReadOnlyList<long> Sequences, bool AwaitsConfirmation = false) : IGetManyReply;

    /// <summary>No item arrived before the get's timeout (Python's <c>queue.Empty</c>).</summary>
    /// <param name="RequestId">The id of the get.</param>
    public sealed record Empty(long RequestId) : IGetReply, IGetManyReply, ITimedOutReply;

    /// <summary>The queue is shut down: no more puts, and no item is left for this get (Python's <c>queue.ShutDown</c>).</summary>
    /// <param name="RequestId">The id of the refused request.</param>
    public sealed record QueueShutDown(long RequestId) : IPutReply, IPutManyReply, IGetReply, IGetManyReply;

    /// <summary>
    /// Gives back an item that a getter received but no longer wants: it goes back to the head of the queue (FIFO),
    /// on top (LIFO) or to exactly its old place (priority). It still counts as unfinished. Reply: <see cref="Returned"/>.
    /// </summary>
    /// <remarks>
    /// A returned item is taken back even into a full bounded queue (a putter may have filled the room meanwhile), so the
    /// count can briefly exceed the bound: the item was already in the queue once, and refusing it would lose it.
    /// A return whose sequence was never handed out, or whose item is back in the queue already, is
    /// <see cref="Protocol.CoordinatorProtocol.Rejected"/> (<see cref="Protocol.RejectionReason.InvalidArgument"/>) and
    /// changes nothing.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Item">The item, as received in <see cref="Got"/> or <see cref="GotMany"/>.</param>
    /// <param name="Sequence">The item's sequence received in <see cref="Got"/> or <see cref="GotMany"/>.</param>
    public sealed record Return(long RequestId, object? Item, long Sequence) : IRequest<Returned>;

    /// <summary>The item is back in the queue (or discarded, if the queue was shut down immediately meanwhile).</summary>
    /// <param name="RequestId">The id of the return.</param>
    public sealed record Returned(long RequestId) : IReply;

    /// <summary>
    /// Confirms that items delivered by a durable queue (<see cref="Got.AwaitsConfirmation"/>) reached their getter: the
    /// queue forgets them. Until then it keeps each delivery and puts the item back at its place when the getter's owner
    /// terminates (its node is downed) or the queue's confirmation time passes, so an item sent to a getter that died
    /// with it is not lost. Reply: <see cref="DeliveryConfirmed"/>.
    /// </summary>
    /// <remarks>
    /// Python's queue hands an item over in one process and needs no such step; the facades send it themselves as soon as
    /// a reply arrives. Sequences that await no confirmation (confirmed already, put back, or of a queue in one process)
    /// are ignored. A confirmation that arrives after the item was put back is too late: the item may be delivered
    /// again, so across nodes a queue delivers at least once.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Sequences">The sequences received in <see cref="Got"/> or <see cref="GotMany"/>.</param>
    public sealed record ConfirmDelivery(long RequestId, IReadOnlyList<long> Sequences) : IRequest<DeliveryConfirmed>;

    /// <summary>The deliveries are confirmed.</summary>
    /// <param name="RequestId">The id of the confirmation.</param>
    /// <param name="Confirmed">How many of the sequences were awaiting confirmation.</param>
    public sealed record DeliveryConfirmed(long RequestId, int Confirmed) : IReply;

    /// <summary>
    /// Marks items taken out of the queue as processed (Python's <c>task_done()</c>, <paramref name="Count"/> times).
    /// Reply: <see cref="TaskDoneAck"/>; a rejection with <see cref="Protocol.RejectionReason.TooManyTaskDone"/> if fewer
    /// than <paramref name="Count"/> items are unfinished (then none is marked done).
    /// </summary>
    /// <remarks>
    /// Python marks one item per call; a count lets a consumer of <see cref="GetMany"/> finish its whole batch in one
    /// message. Unlike calling Python's <c>task_done()</c> repeatedly, it is all or nothing: a count too large changes
    /// nothing. Rejected (<see cref="Protocol.RejectionReason.InvalidArgument"/>) if <paramref name="Count"/> is below one.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Count">How many items to mark done; one by default.</param>
    public sealed record TaskDone(long RequestId, int Count = 1) : IRequest<TaskDoneAck>;

    /// <summary>The items were marked done.</summary>
    /// <param name="RequestId">The id of the task-done request.</param>
    /// <param name="Unfinished">Items put and not yet marked done.</param>
    public sealed record TaskDoneAck(long RequestId, int Unfinished) : IReply;

    /// <summary>
    /// Waits until every item put has been marked done (Python's <c>join()</c>). Replies: <see cref="Joined"/>;
    /// <see cref="JoinTimedOut"/> if the timeout passed first (a .NET addition: Python's join has no timeout).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    public sealed record Join(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IJoinReply>;

    /// <summary>Every item put has been marked done.</summary>
    /// <param name="RequestId">The id of the join.</param>
    public sealed record Joined(long RequestId) : IJoinReply;

    /// <summary>Items were still unfinished when the join's timeout passed.</summary>
    /// <param name="RequestId">The id of the join.</param>
    public sealed record JoinTimedOut(long RequestId) : IJoinReply, ITimedOutReply;

    /// <summary>
    /// Shuts the queue down (Python 3.13's <c>shutdown(immediate)</c>): later puts fail; blocked putters and getters wake at
    /// once. Graceful: getters drain what is left, then fail. Immediate: the items are discarded and the unfinished count
    /// lowered by as many, so that a join returns once the items already taken are done. Reply: <see cref="ShutdownDone"/>.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Immediate">Discard the items left rather than let getters drain them.</param>
    public sealed record Shutdown(long RequestId, bool Immediate = false) : IRequest<ShutdownDone>;

    /// <summary>The queue is shut down.</summary>
    /// <param name="RequestId">The id of the shutdown.</param>
    /// <param name="Discarded">Items discarded by an immediate shutdown.</param>
    public sealed record ShutdownDone(long RequestId, int Discarded) : IReply;

    /// <summary>Asks for the queue's state. Reply: <see cref="QueueState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<QueueState>;

    /// <summary>The queue's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Count">Items in the queue (Python's <c>qsize()</c>).</param>
    /// <param name="MaxSize">The bound; zero or less means unbounded.</param>
    /// <param name="Unfinished">Items put and not yet marked done.</param>
    /// <param name="IsShutDown">Whether the queue was shut down.</param>
    /// <param name="WaitingGetters">Gets waiting for an item.</param>
    /// <param name="WaitingPutters">Puts waiting for room.</param>
    /// <param name="AwaitingConfirmation">Items a durable queue delivered whose getters have not confirmed them yet (see <see cref="ConfirmDelivery"/>); zero in one process.</param>
    public sealed record QueueState(long RequestId, int Count, int MaxSize, int Unfinished, bool IsShutDown, int WaitingGetters, int WaitingPutters,
        int AwaitingConfirmation = 0) : IReply
    {
        /// <summary>Python's <c>empty()</c>.</summary>
        public bool IsEmpty => Count == 0;

        /// <summary>Python's <c>full()</c>.</summary>
        public bool IsFull => MaxSize > 0 && Count >= MaxSize;
    }
}
