using Actors.Internal;
using Actors.Semaphore;

namespace Actors.Tests.Internal;

/// <summary>The shared deadline mechanism with very many timed waiters.</summary>
public sealed class DeadlineScaleTests : CoordinatorTestKit
{
    [Fact]
    public void Semaphore_100000TimedWaiters_AllExpireOnceWithNotAcquired()
    {
        const int waiters = 100_000;
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(0));
        var probe = CreateTestProbe();
        var random = new Random(7);
        for (var id = 1; id <= waiters; id++)
            semaphore.Tell(new SemaphoreProtocol.Acquire(id, ActorRefs.Nobody, TimeSpan.FromMilliseconds(200 + random.Next(800))), probe.Ref);

        var replies = probe.ReceiveN(waiters, TimeSpan.FromMinutes(2));

        var ids = replies.Select(r => Assert.IsType<SemaphoreProtocol.NotAcquired>(r).RequestId).ToHashSet();
        Assert.Equal(waiters, ids.Count);
        semaphore.Tell(new SemaphoreProtocol.GetState(0), probe.Ref); // the probe's next message: no reply beyond one per waiter
        var state = probe.ExpectMsg<SemaphoreProtocol.SemaphoreState>();
        Assert.Equal((0, 0), (state.Value, state.Waiting));
    }

    [Fact]
    public void Semaphore_100000TimedWaitersGrantedBeforeDeadline_NoneExpiresLater()
    {
        const int waiters = 100_000;
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(0));
        var probe = CreateTestProbe();
        for (var id = 1; id <= waiters; id++)
            semaphore.Tell(new SemaphoreProtocol.Acquire(id, ActorRefs.Nobody, TimeSpan.FromMinutes(10)), probe.Ref);
        semaphore.Tell(new SemaphoreProtocol.Release(0, ActorRefs.Nobody, waiters), probe.Ref);

        var replies = probe.ReceiveN(waiters + 1, TimeSpan.FromMinutes(2));

        var granted = replies.OfType<SemaphoreProtocol.Acquired>().Select(a => a.RequestId).ToList();
        Assert.Equal(Enumerable.Range(1, waiters).Select(i => (long)i), granted);
        Assert.Equal(0, Assert.Single(replies.OfType<SemaphoreProtocol.Released>()).Value);
    }

    [Fact]
    public void DeadlineHeap_WaitersLeaveEarly_StaleEntriesAreCompactedAway()
    {
        var heap = new DeadlineHeap();
        var queue = new WaiterQueue();
        var owner = ActorRefs.Nobody;
        for (var i = 0; i < 50_000; i++)
        {
            var waiter = new Waiter(i, owner, owner, MonotonicClock.Now + 1_000_000 + i, null);
            queue.Append(waiter);
            heap.Add(waiter);
            queue.Unlink(waiter);
            heap.Forget();
        }

        Assert.Equal(0, heap.Live);
        Assert.True(heap.Entries <= 2 * heap.Live + 1024 + 1, $"{heap.Entries} stale entries were kept");
        Assert.Equal(MonotonicClock.Never, heap.Earliest());
    }

    [Fact]
    public void DeadlineHeap_PopExpired_ReturnsOnlyLiveWaitersInDeadlineOrder()
    {
        var heap = new DeadlineHeap();
        var queue = new WaiterQueue();
        var owner = ActorRefs.Nobody;
        var waiters = new[] { 30L, 10L, 20L, 40L }.Select((d, i) => new Waiter(i, owner, owner, d, null)).ToList();
        foreach (var w in waiters)
        {
            queue.Append(w);
            heap.Add(w);
        }

        queue.Unlink(waiters[2]);
        heap.Forget();

        Assert.Equal(10, heap.Earliest());
        Assert.Same(waiters[1], heap.PopExpired(35));
        Assert.Same(waiters[0], heap.PopExpired(35));
        Assert.Null(heap.PopExpired(35));
        Assert.Equal(40, heap.Earliest());
        Assert.Equal(1, heap.Live);
    }
}
