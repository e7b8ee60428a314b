namespace Actors.Internal;

/// <summary>
/// A FIFO of waiters with O(1) append, removal of the head and removal from the middle (an intrusive
/// doubly linked list), so that cancellations and expiries cost the same with 10 or 100,000 waiters.
/// </summary>
/// <remarks>Only <see cref="WaiterIndex"/> adds and removes waiters, so that its index and deadlines stay in step.</remarks>
internal sealed class WaiterQueue
{
    private Waiter? _head;
    private Waiter? _tail;

    public int Count { get; private set; }

    public Waiter? First => _head;

    /// <summary>Waiters from oldest to newest. The queue must not change during the enumeration.</summary>
    public IEnumerable<Waiter> Snapshot()
    {
        var list = new List<Waiter>(Count);
        for (var w = _head; w is not null; w = w.Next) list.Add(w);
        return list;
    }

    internal void Append(Waiter waiter)
    {
        waiter.Queue = this;
        waiter.Previous = _tail;
        waiter.Next = null;
        if (_tail is null) _head = waiter; else _tail.Next = waiter;
        _tail = waiter;
        Count++;
    }

    internal void Unlink(Waiter waiter)
    {
        if (waiter.Previous is null) _head = waiter.Next; else waiter.Previous.Next = waiter.Next;
        if (waiter.Next is null) _tail = waiter.Previous; else waiter.Next.Previous = waiter.Previous;
        waiter.Previous = null;
        waiter.Next = null;
        waiter.Queue = null;
        Count--;
    }
}
