using Actors.Coordination;
using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

// Over 300 lines on purpose: one state answers twelve kinds of message (single and batch puts and gets, returns,
// confirmations, task_done, join, shutdown, state). What is a job of its own lives beside it: ordering and guarded
// taking in ItemStore, the waiters' payloads in PendingPut and PendingGet, waiters and deadlines in the Coordinator
// base, and the durable form (events, snapshot, deliveries awaiting confirmation) in QueueCoordinator.Durability.cs.

/// <summary>
/// Holds the state of one queue: its items (in the store's order), waiting getters, waiting putters (each holding
/// the items it wants to put), join waiters, the unfinished-task count and the shutdown flag. A single put is a
/// batch of one and a single get a batch of at most one: both kinds share every path and differ only in the reply.
/// </summary>
internal sealed partial class QueueCoordinator : Coordinator
{
    private readonly ItemStore _items;
    private readonly int _maxSize;
    private readonly bool _tracksTasks;
    private readonly WaiterQueue _getters;
    private readonly WaiterQueue _putters;
    private readonly WaiterQueue _joiners;
    private long _nextSequence;
    private int _unfinished;
    private bool _isShutDown;
    private bool _discardsReturns;

    /// <param name="newStore">Makes the store that orders the items.</param>
    /// <param name="maxSize">The bound; zero or less is unbounded.</param>
    /// <param name="tracksTasks">False for a simple queue (no task_done, no join).</param>
    /// <param name="confirmWithin">
    /// Null for a queue in one process. Set for a durable queue: it journals its changes as events and keeps every
    /// delivery until its getter confirms it, putting it back at its place if the getter dies or does not confirm
    /// within this time.
    /// </param>
    public QueueCoordinator(Func<ItemStore> newStore, int maxSize, bool tracksTasks, TimeSpan? confirmWithin = null)
    {
        _items = newStore();
        _maxSize = maxSize;
        _tracksTasks = tracksTasks;
        _confirmWithin = confirmWithin;
        if (confirmWithin is not null) _deliveries = new UnconfirmedDeliveries();
        _getters = NewQueue();
        _putters = NewQueue();
        _joiners = NewQueue();
    }

    private bool IsBounded => _maxSize > 0;

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case QueueProtocol.Get get:
                OnGet(get.RequestId, get.Owner, get.Timeout, PendingGet.One);
                return true;
            case QueueProtocol.GetMany get:
                OnGet(get.RequestId, get.Owner, get.Timeout, new PendingGet(get.MaxCount, IsBatch: true));
                return true;
            case QueueProtocol.Put put:
                // An unbounded queue never waits for room, so, as in Python's put, its timeout is ignored, even one out of range.
                OnPut(put.RequestId, put.Owner, IsBounded ? put.Timeout : null, new PendingPut([put.Item], IsBatch: false));
                return true;
            case QueueProtocol.PutMany put:
                OnPut(put.RequestId, put.Owner, put.Timeout, put.Items is null ? null : new PendingPut(put.Items, IsBatch: true));
                return true;
            case QueueProtocol.TaskDone done:
                OnTaskDone(done);
                return true;
            case QueueProtocol.Return returned:
                OnReturn(returned);
                return true;
            case QueueProtocol.Join join:
                OnJoin(join);
                return true;
            case QueueProtocol.Shutdown shutdown:
                OnShutdown(shutdown);
                return true;
            case QueueProtocol.ConfirmDelivery confirm:
                OnConfirmDelivery(confirm);
                return true;
            case ConfirmationDue:
                OnConfirmationDue();
                return true;
            case QueueProtocol.GetState get:
                Reply(new QueueProtocol.QueueState(get.RequestId, _items.Count, _maxSize, _unfinished, _isShutDown, _getters.Count, _putters.Count,
                    AwaitingConfirmation));
                return true;
            default:
                return false;
        }
    }

    private protected override void OnExpired(Waiter waiter)
    {
        switch (waiter.Payload)
        {
            case PendingGet:
                Send(waiter.ReplyTo, new QueueProtocol.Empty(waiter.RequestId));
                break;
            case PendingPut:
                Send(waiter.ReplyTo, new QueueProtocol.Full(waiter.RequestId));
                Balance();
                break;
            default:
                Send(waiter.ReplyTo, new QueueProtocol.JoinTimedOut(waiter.RequestId));
                break;
        }
    }

    private protected override void OnCancelled(Waiter waiter)
    {
        base.OnCancelled(waiter);
        if (waiter.Payload is PendingPut) Balance();
    }

    private protected override CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) =>
        statistics with { QueueLength = _items.Count };

    private protected override void PublishGauges(CoordinatorGauges gauges) => gauges.QueueLength = _items.Count;

    private protected override bool IsInUse => _items.Count > 0 || _unfinished > 0 || AwaitingConfirmation > 0;

    /// <summary>
    /// A durable queue's deliveries to the owner that were not confirmed go back to their places; a dropped batch may
    /// have held back the putters behind it.
    /// </summary>
    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        PutBackDeliveriesOf(owner);
        Balance();
    }

    private void OnGet(long requestId, IActorRef owner, TimeSpan? timeout, PendingGet get)
    {
        if (!Validate(requestId, owner, timeout)) return;
        if (get.MaxCount < 1)
            Reject(requestId, RejectionReason.InvalidArgument, $"A get must be allowed at least one item, not {get.MaxCount}.");
        else if (_items.Count > 0)
        {
            Serve(requestId, owner, Sender, get);
            Balance();
        }
        else if (_isShutDown) Reply(new QueueProtocol.QueueShutDown(requestId));
        else if (IsNonBlocking(timeout)) Reply(new QueueProtocol.Empty(requestId));
        else Enqueue(_getters, requestId, owner, timeout, get);
    }

    private void OnPut(long requestId, IActorRef owner, TimeSpan? timeout, PendingPut? put)
    {
        if (!Validate(requestId, owner, timeout)) return;
        if (put is null)
        {
            Reject(requestId, RejectionReason.InvalidArgument, "The request carries no list of items.");
            return;
        }

        if (IsBounded && put.Count > _maxSize)
        {
            Reject(requestId, RejectionReason.InvalidArgument, $"A batch of {put.Count} items can never fit in a queue of maxsize {_maxSize}.");
            return;
        }

        if (!AcceptsAll(requestId, put)) return;
        if (_isShutDown)
        {
            Reply(new QueueProtocol.QueueShutDown(requestId));
            return;
        }

        // Putters that waited first go first (no barging); expired ones are skipped on the way.
        if (_putters.Count > 0) Balance();
        if (put.Count == 0 || (_putters.Count == 0 && HasRoomFor(put.Count)))
        {
            Admit(requestId, Sender, put);
            Balance();
        }
        else if (IsNonBlocking(timeout)) Reply(new QueueProtocol.Full(requestId));
        else Enqueue(_putters, requestId, owner, timeout, put);
    }

    /// <summary>
    /// Takes back an item a getter did not want. Only a sequence that was handed out and is not back already can be
    /// returned; any other would add an item that no put made (or a second copy), so it is rejected and nothing changes.
    /// </summary>
    private void OnReturn(QueueProtocol.Return returned)
    {
        if (returned.Sequence < 1 || returned.Sequence > _nextSequence || _items.Holds(returned.Sequence))
        {
            Reject(returned.RequestId, RejectionReason.InvalidArgument,
                $"No item with sequence {returned.Sequence} is out of the queue: it was never handed out, or it is back already.");
            return;
        }

        if (!Accepts(returned.RequestId, returned.Item, batchIndex: null)) return;
        if (PutBack(new QueueEntry(returned.Item, returned.Sequence)) is { } error)
        {
            Reject(returned.RequestId, RejectionReason.InvalidArgument, $"The item cannot be ordered among the others: {error}");
            return;
        }

        Balance();
        Reply(new QueueProtocol.Returned(returned.RequestId));
    }

    private void OnTaskDone(QueueProtocol.TaskDone done)
    {
        if (!_tracksTasks)
            Reject(done.RequestId, RejectionReason.NotSupported, "A simple queue does not track tasks.");
        else if (done.Count < 1)
            Reject(done.RequestId, RejectionReason.InvalidArgument, $"task_done() must mark at least one item, not {done.Count}.");
        else if (done.Count > _unfinished)
            Reject(done.RequestId, RejectionReason.TooManyTaskDone,
                $"task_done() called more times than there were items: {done.Count} asked, {_unfinished} unfinished; none was marked done.");
        else
        {
            FinishTasks(done.Count);
            Journal(new QueueDurableEvents.TasksDone(done.Count));
            Reply(new QueueProtocol.TaskDoneAck(done.RequestId, _unfinished));
        }
    }

    private void OnJoin(QueueProtocol.Join join)
    {
        if (!Validate(join.RequestId, join.Owner, join.Timeout)) return;
        if (!_tracksTasks) Reject(join.RequestId, RejectionReason.NotSupported, "A simple queue does not track tasks.");
        else if (_unfinished == 0) Reply(new QueueProtocol.Joined(join.RequestId));
        else if (IsNonBlocking(join.Timeout)) Reply(new QueueProtocol.JoinTimedOut(join.RequestId));
        else Enqueue(_joiners, join.RequestId, join.Owner, join.Timeout, JoinerMark);
    }

    private void OnShutdown(QueueProtocol.Shutdown shutdown)
    {
        var discarded = ShutDown(shutdown.Immediate);
        Journal(new QueueDurableEvents.ShutDown(shutdown.Immediate));

        while (DequeueNext(_putters, keepsWatch: false) is { } putter) Send(putter.ReplyTo, new QueueProtocol.QueueShutDown(putter.RequestId));
        Balance();
        while (DequeueNext(_getters, keepsWatch: false) is { } getter) Send(getter.ReplyTo, new QueueProtocol.QueueShutDown(getter.RequestId));
        Reply(new QueueProtocol.ShutdownDone(shutdown.RequestId, discarded));
    }

    /// <summary>Marks the queue shut down and, if <paramref name="immediate"/>, discards its items; returns how many.</summary>
    private int ShutDown(bool immediate)
    {
        _isShutDown = true;
        if (!immediate) return 0;
        _discardsReturns = true;
        var discarded = _items.Count;
        _items.Clear();
        FinishTasks(discarded);
        return discarded;
    }

    /// <summary>
    /// Puts an item that was out of the queue back at its place (or discards it, counted done, after an immediate
    /// shutdown); a delivery awaiting confirmation ends. Null if it went back, else why the store could not order it.
    /// </summary>
    private string? PutBack(QueueEntry entry)
    {
        if (_discardsReturns) FinishTasks(1);
        else if (_items.TryAdd(entry, isReturn: true) is { } error) return error;
        ForgetDelivery(entry.Sequence);
        Journal(new QueueDurableEvents.ItemReturned(entry.Sequence, entry.Item));
        return null;
    }

    private bool HasRoomFor(int count) => !IsBounded || _items.Count + count <= _maxSize;

    private bool AcceptsAll(long requestId, PendingPut put)
    {
        for (var index = 0; index < put.Count; index++)
            if (!Accepts(requestId, put.Items[index], put.IsBatch ? index : null)) return false;
        return true;
    }

    private bool Accepts(long requestId, object? item, int? batchIndex) =>
        _items.Accepts(item) || Reject(requestId, RejectionReason.InvalidArgument,
            $"This queue cannot order an item of type {item?.GetType().Name ?? "null"}"
            + (batchIndex is { } index ? $" (the item at index {index}); nothing was put." : "."));

    /// <summary>Hands items to waiting getters and admits waiting putters while either can make progress.</summary>
    private void Balance()
    {
        while (true)
        {
            if (_items.Count > 0 && DequeueNext(_getters, keepsWatch: false) is { } getter)
            {
                if (!Serve(getter.RequestId, getter.Owner, getter.ReplyTo, (PendingGet)getter.Payload!)) return;
            }
            else if (TakeAdmissiblePutter() is { } putter) Admit(putter.RequestId, putter.ReplyTo, (PendingPut)putter.Payload!);
            else return;
        }
    }

    /// <summary>Takes the putter first in line if there is room for all its items; a batch never jumps the line.</summary>
    private Waiter? TakeAdmissiblePutter() =>
        !_isShutDown && PeekNext(_putters) is { } first && Fits(first) ? Dequeue(first, keepsWatch: false) : null;

    private bool Fits(Waiter putter) => HasRoomFor(((PendingPut)putter.Payload!).Count);

    /// <summary>Stores a putter's items and acknowledges them, or rejects the put if the store cannot order one.</summary>
    private void Admit(long requestId, IActorRef replyTo, PendingPut put)
    {
        if (TryStoreAll(requestId, replyTo, put)) Send(replyTo, put.IsBatch ? new QueueProtocol.PutManyDone(requestId, put.Count) : new QueueProtocol.PutDone(requestId));
    }

    /// <summary>
    /// Adds new items in order. A comparer that cannot order one rejects the put there: the store is left as it was by
    /// that item (see <see cref="ItemStore.Priority"/>), so the items before it are in, and the rejection says how many.
    /// </summary>
    private bool TryStoreAll(long requestId, IActorRef replyTo, PendingPut put)
    {
        var firstSequence = _nextSequence + 1;
        for (var index = 0; index < put.Count; index++)
        {
            if (_items.TryAdd(new QueueEntry(put.Items[index], _nextSequence + 1), isReturn: false) is { } error)
            {
                JournalPut(firstSequence, put.Items, index);
                Send(replyTo, new CoordinatorProtocol.Rejected(requestId, RejectionReason.InvalidArgument, put.IsBatch
                    ? $"{index} of the {put.Count} items went in (the first {index}); the item at index {index} cannot be ordered among the others, so it and the {put.Count - index - 1} after it were not put: {error}"
                    : $"The item cannot be ordered among the others: {error}"));
                return false;
            }

            CountPut(_nextSequence + 1);
        }

        JournalPut(firstSequence, put.Items, put.Count);
        return true;
    }

    /// <summary>Counts an item that went in with <paramref name="sequence"/>, the next one.</summary>
    private void CountPut(long sequence)
    {
        _nextSequence = sequence;
        if (_tracksTasks) _unfinished++;
    }

    /// <summary>
    /// Takes up to the getter's maximum of the items there are and sends them. False (and a rejection) if the comparer
    /// fails on the items queued before anything was taken; a failure later ends the batch with what was taken.
    /// </summary>
    private bool Serve(long requestId, IActorRef owner, IActorRef replyTo, PendingGet get)
    {
        if (!TryTake(out var first, out var error))
        {
            Send(replyTo, new CoordinatorProtocol.Rejected(requestId, RejectionReason.InvalidArgument, $"The queued items cannot be ordered: {error}"));
            return false;
        }

        if (!get.IsBatch)
        {
            Delivered([first.Item], [first.Sequence], owner);
            Send(replyTo, new QueueProtocol.Got(requestId, first.Item, first.Sequence, IsDurable));
            return true;
        }

        var (items, sequences) = _items.TakeBatch(first, get.MaxCount);
        for (var more = 1; more < items.Length; more++) CountAcquisition();
        Delivered(items, sequences, owner);
        Send(replyTo, new QueueProtocol.GotMany(requestId, items, sequences, IsDurable));
        return true;
    }

    /// <summary>Takes the next item and counts it as a grant; false if the comparer fails (nothing is taken then).</summary>
    private bool TryTake(out QueueEntry entry, out string? error)
    {
        if (!_items.TryTake(out entry, out error)) return false;
        CountAcquisition();
        return true;
    }

    private void FinishTasks(int count)
    {
        if (!_tracksTasks) return;
        _unfinished = Math.Max(0, _unfinished - count);
        if (_unfinished > 0) return;
        while (DequeueNext(_joiners, keepsWatch: false) is { } joiner) Send(joiner.ReplyTo, new QueueProtocol.Joined(joiner.RequestId));
    }

    private static readonly object JoinerMark = new();
}
