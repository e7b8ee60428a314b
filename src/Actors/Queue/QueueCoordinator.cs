using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// Holds the state of one queue: its items (in the store's order), waiting getters, waiting putters (each holding
/// the item it wants to put), join waiters, the unfinished-task count and the shutdown flag.
/// </summary>
internal sealed class QueueCoordinator : CoordinatorActor
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

    public QueueCoordinator(Func<ItemStore> newStore, int maxSize, bool tracksTasks)
    {
        _items = newStore();
        _maxSize = maxSize;
        _tracksTasks = tracksTasks;
        _getters = NewQueue();
        _putters = NewQueue();
        _joiners = NewQueue();
    }

    private bool HasRoom => _maxSize <= 0 || _items.Count < _maxSize;

    protected override bool Handle(object message)
    {
        switch (message)
        {
            case QueueProtocol.Get get:
                OnGet(get);
                return true;
            case QueueProtocol.Put put:
                OnPut(put);
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
            case QueueProtocol.GetState get:
                Reply(new QueueProtocol.QueueState(get.RequestId, _items.Count, _maxSize, _unfinished, _isShutDown, _getters.Count, _putters.Count));
                return true;
            default:
                return false;
        }
    }

    protected override void OnExpired(Waiter waiter)
    {
        if (ReferenceEquals(waiter.Payload, GetterMark)) Send(waiter.ReplyTo, new QueueProtocol.Empty(waiter.RequestId));
        else if (ReferenceEquals(waiter.Payload, JoinerMark)) Send(waiter.ReplyTo, new QueueProtocol.JoinTimedOut(waiter.RequestId));
        else Send(waiter.ReplyTo, new QueueProtocol.Full(waiter.RequestId));
    }

    protected override CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) =>
        statistics with { QueueLength = _items.Count };

    protected override void OnOwnerTerminated(IActorRef owner)
    {
        // A queue holds nothing on behalf of an owner; the base has dropped its waiting gets, puts and joins.
    }

    private void OnGet(QueueProtocol.Get get)
    {
        if (!Validate(get.RequestId, get.Owner, get.Timeout)) return;
        if (_items.Count > 0)
        {
            if (TryTake(get.RequestId, Sender) is { } entry) Reply(new QueueProtocol.Got(get.RequestId, entry.Item, entry.Sequence));
            Balance();
        }
        else if (_isShutDown) Reply(new QueueProtocol.QueueShutDown(get.RequestId));
        else if (IsNonBlocking(get.Timeout)) Reply(new QueueProtocol.Empty(get.RequestId));
        else Enqueue(_getters, get.RequestId, get.Owner, get.Timeout, GetterMark);
    }

    private void OnPut(QueueProtocol.Put put)
    {
        if (!Validate(put.RequestId, put.Owner, put.Timeout)) return;
        if (!Accepts(put.RequestId, put.Item)) return;
        if (_isShutDown)
        {
            Reply(new QueueProtocol.QueueShutDown(put.RequestId));
            return;
        }

        // Putters that waited first go first; expired ones are skipped on the way.
        if (HasRoom) Balance();
        if (HasRoom && _putters.Count == 0)
        {
            if (!TryStore(put.RequestId, Sender, put.Item)) return;
            Reply(new QueueProtocol.PutDone(put.RequestId));
            Balance();
        }
        else if (IsNonBlocking(put.Timeout)) Reply(new QueueProtocol.Full(put.RequestId));
        else Enqueue(_putters, put.RequestId, put.Owner, put.Timeout, new PendingItem(put.Item));
    }

    private void OnReturn(QueueProtocol.Return returned)
    {
        if (!Accepts(returned.RequestId, returned.Item)) return;
        if (_discardsReturns)
        {
            FinishTasks(1);
        }
        else
        {
            if (!TryAdd(returned.RequestId, Sender, new QueueEntry(returned.Item, returned.Sequence), _items.Return)) return;
            Balance();
        }

        Reply(new QueueProtocol.Returned(returned.RequestId));
    }

    private void OnTaskDone(QueueProtocol.TaskDone done)
    {
        if (!_tracksTasks)
            Reject(done.RequestId, RejectionReason.NotSupported, "A simple queue does not track tasks.");
        else if (_unfinished == 0)
            Reject(done.RequestId, RejectionReason.TooManyTaskDone, "task_done() called more times than there were items.");
        else
        {
            FinishTasks(1);
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
        _isShutDown = true;
        var discarded = 0;
        if (shutdown.Immediate)
        {
            _discardsReturns = true;
            discarded = _items.Count;
            _items.Clear();
            FinishTasks(discarded);
        }

        while (TakeNext(_putters, keepsWatch: false) is { } putter) Send(putter.ReplyTo, new QueueProtocol.QueueShutDown(putter.RequestId));
        Balance();
        while (TakeNext(_getters, keepsWatch: false) is { } getter) Send(getter.ReplyTo, new QueueProtocol.QueueShutDown(getter.RequestId));
        Reply(new QueueProtocol.ShutdownDone(shutdown.RequestId, discarded));
    }

    private bool Accepts(long requestId, object? item) =>
        _items.Accepts(item) || Reject(requestId, RejectionReason.InvalidArgument, $"This queue cannot order an item of type {item?.GetType().Name ?? "null"}.");

    /// <summary>Hands items to waiting getters and admits waiting putters while either can make progress.</summary>
    private void Balance()
    {
        while (true)
        {
            if (_items.Count > 0 && TakeNext(_getters, keepsWatch: false) is { } getter)
            {
                if (TryTake(getter.RequestId, getter.ReplyTo) is not { } entry) return;
                Send(getter.ReplyTo, new QueueProtocol.Got(getter.RequestId, entry.Item, entry.Sequence));
            }
            else if (HasRoom && TakeNext(_putters, keepsWatch: false) is { } putter)
            {
                if (TryStore(putter.RequestId, putter.ReplyTo, ((PendingItem)putter.Payload!).Item))
                    Send(putter.ReplyTo, new QueueProtocol.PutDone(putter.RequestId));
            }
            else return;
        }
    }

    /// <summary>Adds a new item; a comparer that cannot order it rejects the put and leaves the queue as it was.</summary>
    private bool TryStore(long requestId, IActorRef replyTo, object? item)
    {
        if (!TryAdd(requestId, replyTo, new QueueEntry(item, _nextSequence + 1), _items.Add)) return false;
        _nextSequence++;
        if (_tracksTasks) _unfinished++;
        return true;
    }

    private bool TryAdd(long requestId, IActorRef replyTo, QueueEntry entry, Action<QueueEntry> add)
    {
        try
        {
            add(entry);
            return true;
        }
        catch (Exception error)
        {
            Send(replyTo, new CoordinatorProtocol.Rejected(requestId, RejectionReason.InvalidArgument, $"The item cannot be ordered among the others: {error.Message}"));
            return false;
        }
    }

    /// <summary>Takes the next item; if the comparer fails on the items already queued, the get is rejected and nothing is taken.</summary>
    private QueueEntry? TryTake(long requestId, IActorRef replyTo)
    {
        try
        {
            var entry = _items.Take();
            CountAcquisition();
            return entry;
        }
        catch (Exception error)
        {
            Send(replyTo, new CoordinatorProtocol.Rejected(requestId, RejectionReason.InvalidArgument, $"The queued items cannot be ordered: {error.Message}"));
            return null;
        }
    }

    private void FinishTasks(int count)
    {
        if (!_tracksTasks) return;
        _unfinished = Math.Max(0, _unfinished - count);
        if (_unfinished > 0) return;
        while (TakeNext(_joiners, keepsWatch: false) is { } joiner) Send(joiner.ReplyTo, new QueueProtocol.Joined(joiner.RequestId));
    }

    private static readonly object GetterMark = new();
    private static readonly object JoinerMark = new();

    /// <summary>The payload of a waiting putter: the item it will put when there is room.</summary>
    private sealed record PendingItem(object? Item);
}
