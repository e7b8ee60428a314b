namespace Actors.Internal;

/// <summary>
/// The deadlines of a coordinator's timed waiters, earliest first. Waiters that leave early (granted,
/// cancelled) are not searched for; they are skipped when they reach the top, and the heap is rebuilt
/// when such stale entries outnumber the live ones, so memory stays proportional to the live waiters.
/// </summary>
internal sealed class DeadlineHeap
{
    private const int CompactionSlack = 1024;
    private PriorityQueue<Waiter, long> _heap = new();
    private int _live;

    /// <summary>Timed waiters still waiting.</summary>
    public int Live => _live;

    /// <summary>Entries in the heap, live and stale.</summary>
    public int Entries => _heap.Count;

    public void Add(Waiter waiter)
    {
        _heap.Enqueue(waiter, waiter.Deadline);
        _live++;
    }

    /// <summary>Records that a timed waiter left its queue by any route other than <see cref="PopExpired"/>.</summary>
    public void Forget()
    {
        _live--;
        if (_heap.Count > 2 * _live + CompactionSlack) Compact();
    }

    /// <summary>The earliest deadline of a waiter still waiting, or <see cref="MonotonicClock.Never"/>.</summary>
    public long Earliest()
    {
        while (_heap.TryPeek(out var waiter, out var deadline))
        {
            if (waiter.IsWaiting) return deadline;
            _heap.Dequeue();
        }
        return MonotonicClock.Never;
    }

    /// <summary>Takes the next waiter whose deadline is at or before <paramref name="now"/>, if any.</summary>
    public Waiter? PopExpired(long now)
    {
        while (_heap.TryPeek(out var waiter, out var deadline))
        {
            if (!waiter.IsWaiting) { _heap.Dequeue(); continue; }
            if (deadline > now) return null;
            _heap.Dequeue();
            _live--;
            return waiter;
        }
        return null;
    }

    private void Compact()
    {
        var live = new PriorityQueue<Waiter, long>(_live);
        foreach (var (waiter, deadline) in _heap.UnorderedItems)
            if (waiter.IsWaiting) live.Enqueue(waiter, deadline);
        _heap = live;
    }
}
