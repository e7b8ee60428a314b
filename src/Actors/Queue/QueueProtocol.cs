using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// The messages of a queue coordinator (Python's <c>queue.Queue</c>, <c>LifoQueue</c>, <c>PriorityQueue</c> and
/// <c>SimpleQueue</c>). From an actor, <see cref="Get"/> is answered with the item as a message when one arrives, and
/// <see cref="Put"/> is acknowledged only when there is room: that is the backpressure of a bounded queue.
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting request with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class QueueProtocol
{
    /// <summary>
    /// Puts an item, waiting for room in a bounded queue. Replies: <see cref="PutDone"/>; <see cref="Full"/> if the
    /// timeout passed first (at once if it is zero: Python's <c>put_nowait</c>); <see cref="QueueShutDown"/> after a shutdown.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who puts: an actor, whose waiting put is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Item">The item; a priority queue accepts only items of its element type.</param>
    /// <param name="Timeout">How long to wait for room: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Put(long RequestId, IActorRef Owner, object? Item, TimeSpan? Timeout = null);

    /// <summary>The item is in the queue.</summary>
    /// <param name="RequestId">The id of the put.</param>
    public sealed record PutDone(long RequestId);

    /// <summary>The queue stayed full until the put's timeout (Python's <c>queue.Full</c>).</summary>
    /// <param name="RequestId">The id of the put.</param>
    public sealed record Full(long RequestId);

    /// <summary>
    /// Takes the next item, waiting for one. Replies: <see cref="Got"/>; <see cref="Empty"/> if the timeout passed first
    /// (at once if it is zero: Python's <c>get_nowait</c>); <see cref="QueueShutDown"/> once the queue is shut down and
    /// has no item left for this getter.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who gets: an actor, whose waiting get is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait for an item: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Get(long RequestId, IActorRef Owner, TimeSpan? Timeout = null);

    /// <summary>The next item, now taken out of the queue.</summary>
    /// <remarks>If the getter no longer wants it (its cancel crossed this reply), it must send <see cref="Return"/> with the same sequence.</remarks>
    /// <param name="RequestId">The id of the get.</param>
    /// <param name="Item">The item.</param>
    /// <param name="Sequence">The item's place in the queue, for <see cref="Return"/>.</param>
    public sealed record Got(long RequestId, object? Item, long Sequence);

    /// <summary>No item arrived before the get's timeout (Python's <c>queue.Empty</c>).</summary>
    /// <param name="RequestId">The id of the get.</param>
    public sealed record Empty(long RequestId);

    /// <summary>The queue is shut down: no more puts, and no item is left for this get (Python's <c>queue.ShutDown</c>).</summary>
    /// <param name="RequestId">The id of the refused request.</param>
    public sealed record QueueShutDown(long RequestId);

    /// <summary>
    /// Gives back an item that a getter received but no longer wants: it goes back to the head of the queue (FIFO),
    /// on top (LIFO) or to exactly its old place (priority). It still counts as unfinished. Reply: <see cref="Returned"/>.
    /// </summary>
    /// <remarks>
    /// A returned item is taken back even into a full bounded queue (a putter may have filled the room meanwhile), so the
    /// count can briefly exceed the bound: the item was already in the queue once, and refusing it would lose it.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Item">The item, as received in <see cref="Got"/>.</param>
    /// <param name="Sequence">The sequence received in <see cref="Got"/>.</param>
    public sealed record Return(long RequestId, object? Item, long Sequence);

    /// <summary>The item is back in the queue (or discarded, if the queue was shut down immediately meanwhile).</summary>
    /// <param name="RequestId">The id of the return.</param>
    public sealed record Returned(long RequestId);

    /// <summary>
    /// Marks one item taken out of the queue as processed (Python's <c>task_done()</c>). Reply: <see cref="TaskDoneAck"/>;
    /// a rejection with <see cref="Protocol.RejectionReason.TooManyTaskDone"/> if no item is unfinished.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record TaskDone(long RequestId);

    /// <summary>The item was marked done.</summary>
    /// <param name="RequestId">The id of the task-done request.</param>
    /// <param name="Unfinished">Items put and not yet marked done.</param>
    public sealed record TaskDoneAck(long RequestId, int Unfinished);

    /// <summary>
    /// Waits until every item put has been marked done (Python's <c>join()</c>). Replies: <see cref="Joined"/>;
    /// <see cref="JoinTimedOut"/> if the timeout passed first (a .NET addition: Python's join has no timeout).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    public sealed record Join(long RequestId, IActorRef Owner, TimeSpan? Timeout = null);

    /// <summary>Every item put has been marked done.</summary>
    /// <param name="RequestId">The id of the join.</param>
    public sealed record Joined(long RequestId);

    /// <summary>Items were still unfinished when the join's timeout passed.</summary>
    /// <param name="RequestId">The id of the join.</param>
    public sealed record JoinTimedOut(long RequestId);

    /// <summary>
    /// Shuts the queue down (Python 3.13's <c>shutdown(immediate)</c>): later puts fail; blocked putters and getters wake at
    /// once. Graceful: getters drain what is left, then fail. Immediate: the items are discarded and the unfinished count
    /// lowered by as many, so that a join returns once the items already taken are done. Reply: <see cref="ShutdownDone"/>.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    /// <param name="Immediate">Discard the items left rather than let getters drain them.</param>
    public sealed record Shutdown(long RequestId, bool Immediate = false);

    /// <summary>The queue is shut down.</summary>
    /// <param name="RequestId">The id of the shutdown.</param>
    /// <param name="Discarded">Items discarded by an immediate shutdown.</param>
    public sealed record ShutdownDone(long RequestId, int Discarded);

    /// <summary>Asks for the queue's state. Reply: <see cref="QueueState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId);

    /// <summary>The queue's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Count">Items in the queue (Python's <c>qsize()</c>).</param>
    /// <param name="MaxSize">The bound; zero or less means unbounded.</param>
    /// <param name="Unfinished">Items put and not yet marked done.</param>
    /// <param name="IsShutDown">Whether the queue was shut down.</param>
    /// <param name="WaitingGetters">Gets waiting for an item.</param>
    /// <param name="WaitingPutters">Puts waiting for room.</param>
    public sealed record QueueState(long RequestId, int Count, int MaxSize, int Unfinished, bool IsShutDown, int WaitingGetters, int WaitingPutters)
    {
        /// <summary>Python's <c>empty()</c>.</summary>
        public bool IsEmpty => Count == 0;

        /// <summary>Python's <c>full()</c>.</summary>
        public bool IsFull => MaxSize > 0 && Count >= MaxSize;
    }
}
