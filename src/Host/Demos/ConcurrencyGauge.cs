namespace Actors.Host.Demos;

/// <summary>Counts the workers inside a guarded section and remembers the most there ever were at once.</summary>
/// <remarks>
/// A measuring instrument of the demos, not a synchronisation primitive: it only observes. Call <see cref="Enter"/>
/// right after acquiring and <see cref="Leave"/> right before releasing, so the count never includes a worker that
/// has already let the next one in.
/// </remarks>
internal sealed class ConcurrencyGauge
{
    private int _inside;
    private int _peak;

    /// <summary>How many are inside now.</summary>
    public int Inside => Volatile.Read(ref _inside);

    /// <summary>The most that were ever inside at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Counts one more inside; returns how many are inside now.</summary>
    public int Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        var seen = Volatile.Read(ref _peak);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _peak, now, seen);
            if (previous == seen) break;
            seen = previous;
        }

        return now;
    }

    /// <summary>Counts one fewer inside.</summary>
    public void Leave() => Interlocked.Decrement(ref _inside);
}
