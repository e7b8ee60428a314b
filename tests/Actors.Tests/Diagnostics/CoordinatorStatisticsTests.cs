using Actors.Barrier;
using Actors.Event;
using Actors.RLock;
using Actors.Lock;
using Actors.Queue;
using Actors.Semaphore;

namespace Actors.Tests.Diagnostics;

/// <summary>Every coordinator counts grants, timeouts, cancellations and owner-death releases and answers the shared statistics query.</summary>
public sealed class CoordinatorStatisticsTests : CoordinatorTestKit
{
    [Fact]
    public void Lock_Operations_AreCountedInStatistics()
    {
        var mutex = ActorLock.Create(Sys, "stats-lock").Coordinator;
        var first = CreateTestProbe();
        var timedOut = CreateTestProbe();
        var cancelled = CreateTestProbe();
        var second = CreateTestProbe();

        mutex.Tell(new LockProtocol.Acquire(1, first.Ref), first.Ref);
        first.ExpectMsg<LockProtocol.Acquired>();                                  // acquisition 1
        mutex.Tell(new LockProtocol.Acquire(2, timedOut.Ref, TestTimes.Short), timedOut.Ref);
        timedOut.ExpectMsg<LockProtocol.NotAcquired>();                            // timeout 1
        mutex.Tell(new LockProtocol.Acquire(3, cancelled.Ref), cancelled.Ref);
        mutex.Tell(new LockProtocol.Acquire(4, second.Ref), second.Ref);

        var during = Statistics(mutex);
        Assert.Equal(2, during.Waiting);
        Assert.Equal([first.Ref], during.Holders);
        Assert.Equal([cancelled.Ref, second.Ref], during.WaitingOwners);

        mutex.Tell(new CoordinatorProtocol.Cancel(3, cancelled.Ref));
        cancelled.ExpectMsg<CoordinatorProtocol.Cancelled>();                      // cancellation 1
        mutex.Tell(new LockProtocol.Release(5), first.Ref);
        first.ExpectMsg<LockProtocol.Released>();
        second.ExpectMsg<LockProtocol.Acquired>();                                 // acquisition 2, one wait sample

        Watch(second.Ref);
        Sys.Stop(second.Ref);
        ExpectTerminated(second.Ref);                                              // owner-death release 1
        AwaitAssert(() => Assert.Empty(Statistics(mutex).Holders));

        var stats = Statistics(mutex);
        Assert.Equal("stats-lock", stats.Name);
        Assert.Equal("Lock", stats.Kind);
        Assert.Equal(2, stats.Acquisitions);
        Assert.Equal(1, stats.Timeouts);
        Assert.Equal(1, stats.Cancellations);
        Assert.Equal(1, stats.OwnerDeathReleases);
        Assert.Equal(0, stats.Waiting);
        Assert.Equal(1, stats.WaitCount);
        Assert.True(stats.MeanWaitMs >= 0 && stats.MaxWaitMs >= stats.MeanWaitMs);
        Assert.Empty(stats.WaitingOwners);
    }

    [Fact]
    public void Semaphore_Permits_AreCountedInStatistics()
    {
        var semaphore = ActorSemaphore.CreateBounded(Sys, 2, "stats-sem").Coordinator;
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var c = CreateTestProbe();

        semaphore.Tell(new SemaphoreProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<SemaphoreProtocol.Acquired>();
        semaphore.Tell(new SemaphoreProtocol.Acquire(2, b.Ref), b.Ref);
        b.ExpectMsg<SemaphoreProtocol.Acquired>();
        semaphore.Tell(new SemaphoreProtocol.Acquire(3, c.Ref, TestTimes.Short), c.Ref);
        c.ExpectMsg<SemaphoreProtocol.NotAcquired>();
        semaphore.Tell(new SemaphoreProtocol.Acquire(4, c.Ref), c.Ref);
        AwaitAssert(() => Assert.Equal(1, Statistics(semaphore).Waiting));

        Watch(a.Ref);
        Sys.Stop(a.Ref);
        ExpectTerminated(a.Ref);
        c.ExpectMsg<SemaphoreProtocol.Acquired>();                                 // a's permit passes to c

        var stats = Statistics(semaphore);
        Assert.Equal("BoundedSemaphore", stats.Kind);
        Assert.Equal(3, stats.Acquisitions);
        Assert.Equal(1, stats.Timeouts);
        Assert.Equal(0, stats.Cancellations);
        Assert.Equal(1, stats.OwnerDeathReleases);
        Assert.Equal(1, stats.WaitCount);
        Assert.Equal(2, stats.Holders.Count);
        Assert.Contains(b.Ref, stats.Holders);
        Assert.Contains(c.Ref, stats.Holders);
    }

    [Fact]
    public void Queue_Gets_AreCountedInStatistics()
    {
        var queue = ActorQueue<int>.Create(Sys, name: "stats-queue").Coordinator;
        var producer = CreateTestProbe();
        var consumer = CreateTestProbe();

        queue.Tell(new QueueProtocol.Put(1, producer.Ref, 10), producer.Ref);
        queue.Tell(new QueueProtocol.Put(2, producer.Ref, 20), producer.Ref);
        producer.ExpectMsg<QueueProtocol.PutDone>();
        producer.ExpectMsg<QueueProtocol.PutDone>();
        Assert.Equal(2, Statistics(queue).QueueLength);

        queue.Tell(new QueueProtocol.Get(3, consumer.Ref), consumer.Ref);
        queue.Tell(new QueueProtocol.Get(4, consumer.Ref), consumer.Ref);
        consumer.ExpectMsg<QueueProtocol.Got>();                                   // got 1
        consumer.ExpectMsg<QueueProtocol.Got>();                                   // got 2
        queue.Tell(new QueueProtocol.Get(5, consumer.Ref, TestTimes.Short), consumer.Ref);
        consumer.ExpectMsg<QueueProtocol.Empty>();                                 // timeout 1
        queue.Tell(new QueueProtocol.Get(6, consumer.Ref), consumer.Ref);
        queue.Tell(new CoordinatorProtocol.Cancel(6, consumer.Ref));
        consumer.ExpectMsg<CoordinatorProtocol.Cancelled>();                       // cancellation 1
        queue.Tell(new QueueProtocol.Get(7, consumer.Ref), consumer.Ref);
        Assert.Equal([consumer.Ref], Statistics(queue).WaitingOwners);
        queue.Tell(new QueueProtocol.Put(8, producer.Ref, 30), producer.Ref);
        consumer.ExpectMsg<QueueProtocol.Got>();                                   // got 3, one wait sample

        var stats = Statistics(queue);
        Assert.Equal("Queue", stats.Kind);
        Assert.Equal(3, stats.Acquisitions);
        Assert.Equal(1, stats.Timeouts);
        Assert.Equal(1, stats.Cancellations);
        Assert.Equal(0, stats.OwnerDeathReleases);
        Assert.Equal(1, stats.WaitCount);
        Assert.Equal(0, stats.QueueLength);
        Assert.Equal(0, stats.Waiting);
    }

    [Fact]
    public void Barrier_Statistics_CarryItsRound()
    {
        var barrier = ActorBarrier.Create(Sys, 1, name: "stats-barrier").Coordinator;
        var stats = Statistics(barrier);
        Assert.Equal(0, stats.Round);
        Assert.Null(stats.QueueLength);
        Assert.Equal(0, stats.Acquisitions);
    }

    [Fact]
    public void Event_WaitsThatSawTheFlagSet_CountAsGrants()
    {
        var coordinator = ActorEvent.Create(Sys, "stats-event-grants").Coordinator;
        var waiter = CreateTestProbe();
        coordinator.Tell(new EventProtocol.Wait(1, waiter.Ref), waiter.Ref);
        coordinator.Tell(new EventProtocol.Wait(2, waiter.Ref, TimeSpan.Zero), waiter.Ref);
        waiter.ExpectMsg<EventProtocol.NotSignalled>(m => m.RequestId == 2);
        coordinator.Tell(new EventProtocol.Set(3), waiter.Ref);
        coordinator.Tell(new EventProtocol.Wait(4, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg<EventProtocol.Signalled>(m => m.RequestId == 1);
        waiter.ExpectMsg<EventProtocol.WasSet>();
        waiter.ExpectMsg<EventProtocol.Signalled>(m => m.RequestId == 4);

        Assert.Equal(2, Statistics(coordinator).Acquisitions);
    }

    [Fact]
    public void Barrier_EveryPass_CountsAsAGrant()
    {
        var coordinator = ActorBarrier.Create(Sys, 2, name: "stats-barrier-passes").Coordinator;
        var parties = new[] { CreateTestProbe(), CreateTestProbe() };
        for (var round = 0; round < 2; round++)
            foreach (var party in parties) coordinator.Tell(new BarrierProtocol.Wait(round, party.Ref), party.Ref);
        foreach (var party in parties) party.ReceiveN(2).ToList().ForEach(m => Assert.IsType<BarrierProtocol.Passed>(m));

        Assert.Equal(4, Statistics(coordinator).Acquisitions);
    }

    [Fact]
    public void EveryKind_AnswersTheSharedQuery()
    {
        var kinds = new (IActorRef Coordinator, string Kind)[]
        {
            (ActorRLock.CreateCoordinator(Sys, "stats-rlock"), "RLock"),
            (ActorEvent.Create(Sys, "stats-event").Coordinator, "Event"),
            (ActorSemaphore.Create(Sys, 1, "stats-plain-sem").Coordinator, "Semaphore"),
            (ActorBarrier.Create(Sys, 2, name: "stats-barrier-2").Coordinator, "Barrier"),
            (ActorQueue<string>.CreateLifo(Sys, name: "stats-lifo").Coordinator, "Queue"),
        };

        foreach (var (coordinator, kind) in kinds)
        {
            var stats = Statistics(coordinator);
            Assert.Equal(kind, stats.Kind);
            Assert.Equal(coordinator.Path.Name, stats.Name);
            Assert.Equal(0, stats.Acquisitions + stats.Timeouts + stats.Cancellations + stats.OwnerDeathReleases + stats.WaitCount);
        }
    }

    private CoordinatorProtocol.Statistics Statistics(IActorRef coordinator)
    {
        var probe = CreateTestProbe();
        coordinator.Tell(new CoordinatorProtocol.GetStatistics(99), probe.Ref);
        return probe.ExpectMsg<CoordinatorProtocol.Statistics>(m => m.RequestId == 99);
    }
}
