using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// A coordinator's waiters, without the actor: its FIFO queues, an index by (owner, request id), and the deadlines.
/// Every waiter that leaves — granted, withdrawn, expired — leaves all three together through <see cref="Remove"/>.
/// </summary>
/// <remarks>
/// Waiters whose deadline has passed are not answered here: <see cref="PeekLive"/> and <see cref="CollectExpired"/>
/// unlink them and set them aside as overdue, and the coordinator answers them through <see cref="TakeOverdue"/> once
/// the message it is handling is done. So a primitive's own grant loop never re-enters itself through an expiry.
/// </remarks>
internal sealed class WaiterIndex
{
    private readonly Dictionary<WaiterKey, Waiter> _byKey = new();
    private readonly List<WaiterQueue> _queues = new();
    private readonly DeadlineHeap _deadlines = new();
    private Queue<Waiter>? _overdue;

    /// <summary>Told of every waiter about to leave its queue (the deadlock reporting); null if nobody listens.</summary>
    public IWaiterObserver? Observer { get; set; }

    /// <summary>Waiters in all queues.</summary>
    public int Count => _byKey.Count;

    /// <summary>The queues, in the order they were made.</summary>
    public IReadOnlyList<WaiterQueue> Queues => _queues;

    /// <summary>The earliest deadline of a waiter still waiting, or <see cref="MonotonicClock.Never"/>.</summary>
    public long EarliestDeadline => _deadlines.Earliest();

    /// <summary>Makes a new queue whose waiters this index keeps.</summary>
    public WaiterQueue NewQueue()
    {
        var queue = new WaiterQueue();
        _queues.Add(queue);
        return queue;
    }

    /// <summary>
    /// Makes a queue of hold terms (<see cref="Waiter.IsHoldTerm"/>): their deadlines are kept with the waiters', but
    /// the queue is not among <see cref="Queues"/>, so statistics, owner deaths and stopping never treat them as waits.
    /// </summary>
    public WaiterQueue NewHoldTermQueue() => new();

    /// <summary>Appends the hold term <paramref name="term"/> to <paramref name="queue"/> (made by <see cref="NewHoldTermQueue"/>).</summary>
    public void AddHoldTerm(WaiterQueue queue, Waiter term)
    {
        queue.Append(term);
        if (term.HasDeadline) _deadlines.Add(term);
    }

    /// <summary>Appends <paramref name="waiter"/> to <paramref name="queue"/>; false if its owner already waits with the same request id.</summary>
    public bool TryAdd(WaiterQueue queue, Waiter waiter)
    {
        if (!_byKey.TryAdd(waiter.Key, waiter)) return false;
        queue.Append(waiter);
        if (waiter.HasDeadline) _deadlines.Add(waiter);
        return true;
    }

    /// <summary>The waiting request of <paramref name="owner"/> with <paramref name="requestId"/>, if any.</summary>
    public Waiter? Find(IActorRef owner, long requestId) => _byKey.GetValueOrDefault(new WaiterKey(owner, requestId));

    /// <summary>Takes a waiting <paramref name="waiter"/> (or a hold term) out of its queue, the index and the deadlines.</summary>
    public void Remove(Waiter waiter)
    {
        Unlink(waiter);
        if (waiter.HasDeadline) _deadlines.Forget();
    }

    /// <summary>
    /// The oldest waiter of <paramref name="queue"/> whose deadline has not passed at <paramref name="now"/>, left in
    /// place. Overdue waiters met on the way (their timer has not fired yet) are removed and set aside as overdue: a
    /// grant never goes out late.
    /// </summary>
    public Waiter? PeekLive(WaiterQueue queue, long now)
    {
        while (queue.First is { } waiter)
        {
            if (!waiter.HasDeadline || waiter.Deadline > now) return waiter;
            Remove(waiter);
            (_overdue ??= new()).Enqueue(waiter);
        }

        return null;
    }

    /// <summary>Removes every waiter whose deadline is at or before <paramref name="now"/> and sets it aside as overdue.</summary>
    public void CollectExpired(long now)
    {
        while (_deadlines.PopExpired(now) is { } waiter)
        {
            Unlink(waiter);
            (_overdue ??= new()).Enqueue(waiter);
        }
    }

    /// <summary>The next waiter set aside as overdue, oldest first; null when there is none.</summary>
    public Waiter? TakeOverdue() => _overdue is { Count: > 0 } overdue ? overdue.Dequeue() : null;

    private void Unlink(Waiter waiter)
    {
        if (waiter.IsHoldTerm)
        {
            waiter.Queue!.Unlink(waiter);
            return;
        }

        Observer?.Leaving(waiter);
        waiter.Queue!.Unlink(waiter);
        _byKey.Remove(waiter.Key);
    }
}
