namespace Actors.Host.Distributed;

/// <summary>
/// One way of doing distributed coordination in <c>compare --distributed</c>: the actor cluster's primitives,
/// DistributedLock.Redis or DistributedLock.Postgres. The scenarios are written once against this interface, so every
/// way runs the same steps and is checked the same way.
/// </summary>
/// <remarks>
/// A caller is named by an index: each way maps it to where that caller would live (the actor cluster spreads callers
/// over its three nodes; Redis and PostgreSQL clients share their process's connection pool, as applications do).
/// </remarks>
internal interface IDistributedWay : IAsyncDisposable
{
    /// <summary>The way's column in the report.</summary>
    string Name { get; }

    /// <summary>What the way promises a lock's user.</summary>
    WayGuarantees Guarantees { get; }

    /// <summary>Waits for the lock <paramref name="name"/> for caller <paramref name="caller"/>; disposing the hold releases it.</summary>
    Task<IDistributedHold> LockAsync(string name, int caller, CancellationToken cancellation);

    /// <summary>Waits for a permit of the semaphore <paramref name="name"/> of <paramref name="permits"/> permits.</summary>
    Task<IDistributedHold> EnterSemaphoreAsync(string name, int permits, int caller, CancellationToken cancellation);

    /// <summary>The work queue <paramref name="name"/> as caller <paramref name="caller"/> uses it.</summary>
    IDistributedQueue Queue(string name, int caller);

    /// <summary>
    /// Where the locks <paramref name="names"/> live relative to their callers (same index), for the report, or null
    /// where a way has no placement (one server).
    /// </summary>
    Task<string?> DescribePlacementAsync(IReadOnlyList<string> names) => Task.FromResult<string?>(null);

    /// <summary>
    /// A lock name starting with <paramref name="prefix"/> that lives away from caller <paramref name="caller"/>, so that
    /// using it crosses the network; <paramref name="prefix"/> itself where every name lives on a server anyway.
    /// </summary>
    Task<string> NameAwayFromAsync(string prefix, int caller) => Task.FromResult(prefix);
}

/// <summary>A held lock or permit; disposing it releases it.</summary>
internal interface IDistributedHold : IAsyncDisposable
{
    /// <summary>The grant's fencing token, where the way has them (increasing with every grant of one lock); else null.</summary>
    long? FencingToken { get; }
}

/// <summary>A work queue of numbers, FIFO as far as the way keeps order.</summary>
internal interface IDistributedQueue
{
    /// <summary>Adds <paramref name="item"/> at the tail.</summary>
    Task PutAsync(long item, CancellationToken cancellation);

    /// <summary>Takes the item at the head, waiting while the queue is empty.</summary>
    Task<long> TakeAsync(CancellationToken cancellation);
}
