using System.Collections.Concurrent;
using Actors.Host.Distributed;

namespace Actors.Host.Tests.Distributed;

/// <summary>
/// A way that breaks on purpose, in memory, so that the scenarios' checks can be seen to fail: a lock whose fencing
/// tokens fall, a semaphore that lets everyone in once enough callers wait together, and a queue that loses or repeats
/// an item.
/// </summary>
internal sealed class BrokenWay(BrokenWay.Fault fault) : IDistributedWay
{
    /// <summary>What is broken.</summary>
    public enum Fault
    {
        /// <summary>Each grant of the lock carries a lower token than the one before.</summary>
        FallingTokens,

        /// <summary>
        /// The semaphore admits no one until more callers than permits wait, then admits them all at once (a caller left
        /// waiting with too few others is admitted after 50 ms, so the run ends).
        /// </summary>
        SemaphoreOverAdmits,

        /// <summary>The queue drops the first item it is given.</summary>
        QueueLosesAnItem,

        /// <summary>The queue hands the first item out twice.</summary>
        QueueRepeatsAnItem,
    }

    private readonly ConcurrentQueue<long> _items = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly ConcurrentQueue<TaskCompletionSource> _semaphoreWaiters = new();
    private long _token = 1_000_000;
    private long _firstItem = long.MinValue;

    public string Name => "broken";

    public WayGuarantees Guarantees { get; } = new("-", "-", "-", "-", "-");

    public Task<IDistributedHold> LockAsync(string name, int caller, CancellationToken cancellation) =>
        Task.FromResult<IDistributedHold>(new Hold(fault == Fault.FallingTokens ? Interlocked.Decrement(ref _token) : Interlocked.Increment(ref _token)));

    public async Task<IDistributedHold> EnterSemaphoreAsync(string name, int permits, int caller, CancellationToken cancellation)
    {
        if (fault != Fault.SemaphoreOverAdmits) return new Hold(null);
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _semaphoreWaiters.Enqueue(admitted);
        if (_semaphoreWaiters.Count > permits)
            while (_semaphoreWaiters.TryDequeue(out var waiter)) waiter.TrySetResult();
        if (await Task.WhenAny(admitted.Task, Task.Delay(50, cancellation)) != admitted.Task) admitted.TrySetResult();
        return new Hold(null);
    }

    public IDistributedQueue Queue(string name, int caller) => new BrokenQueue(this);

    public ValueTask DisposeAsync()
    {
        _available.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Hold(long? token) : IDistributedHold
    {
        public long? FencingToken => token;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class BrokenQueue(BrokenWay way) : IDistributedQueue
    {
        public Task PutAsync(long item, CancellationToken cancellation)
        {
            // The first put of real work (items are never negative) is the one lost or repeated.
            var breaks = item >= 0 && Interlocked.CompareExchange(ref way._firstItem, item, long.MinValue) == long.MinValue;
            if (breaks && way.FaultIs(Fault.QueueLosesAnItem)) return Task.CompletedTask;
            Add(item);
            if (breaks && way.FaultIs(Fault.QueueRepeatsAnItem)) Add(item);
            return Task.CompletedTask;
        }

        public async Task<long> TakeAsync(CancellationToken cancellation)
        {
            await way._available.WaitAsync(cancellation);
            return way._items.TryDequeue(out var item) ? item : throw new InvalidOperationException("signalled without an item");
        }

        private void Add(long item)
        {
            way._items.Enqueue(item);
            way._available.Release();
        }
    }

    private bool FaultIs(Fault f) => fault == f;
}
