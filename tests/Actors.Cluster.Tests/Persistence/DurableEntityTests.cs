using Xunit.Abstractions;
using Actors.Cluster.Persistence;
using Actors.Lock;
using Actors.Queue;
using Actors.Semaphore;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// A durable entity alone, over a store of its own (SQLite in a temporary file, PostgreSQL in a temporary schema): each
/// incarnation comes back with the state of the last, and the journal stays short behind its snapshots.
/// </summary>
public abstract class DurableEntityTests : Akka.TestKit.Xunit2.TestKit
{
    private const int SnapshotEvery = 3;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);

    /// <summary>How long the snapshots' deletions may take: they queue behind every other write of a shared, busy store.</summary>
    private static readonly TimeSpan CleanUp = TimeSpan.FromSeconds(90);
    private static readonly PersistenceOptions Options = new() { SnapshotEvery = SnapshotEvery };
    private readonly TestJournal _journal;

    /// <summary>Warnings (a failed store write or deletion among them) go to the test's output.</summary>
    private DurableEntityTests(TestJournal journal, ITestOutputHelper output) : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING")
        .WithFallback(journal.Config).WithFallback(ClusterPrimitivesConfig.Serialization), output: output) => _journal = journal;

    /// <summary>The tests over SQLite.</summary>
    public sealed class Sqlite(ITestOutputHelper output) : DurableEntityTests(TestJournal.Create(TestJournal.Sqlite), output);

    /// <summary>The tests over PostgreSQL.</summary>
    public sealed class Postgres(ITestOutputHelper output) : DurableEntityTests(TestJournal.Create(TestJournal.Postgres), output);

    [Fact]
    public void Lock_HeldWhenItsEntityStops_IsStillHeldByTheNextIncarnation_AndItsTokensContinue()
    {
        var entityId = PrimitiveEntityIds.Lock("durable-lock");
        var entity = Start(entityId);
        for (var i = 1; i <= 4; i++)
        {
            entity.Tell(new LockProtocol.Acquire(i, TestActor));
            Assert.Equal(i, ExpectMsg<LockProtocol.Acquired>(Recovery).FencingToken);
            if (i < 4)
            {
                entity.Tell(new LockProtocol.Release(100 + i));
                ExpectMsg<LockProtocol.Released>();
            }
        }

        entity = Restart(entity, entityId);
        entity.Tell(new LockProtocol.GetState(1));
        var state = ExpectMsg<LockProtocol.LockState>(Recovery);
        Assert.True(state.Locked);
        Assert.Equal(TestActor, state.Holder);
        Assert.Equal(4, state.FencingToken);

        entity.Tell(new LockProtocol.Acquire(5, ActorRefs.Nobody, TimeSpan.Zero));
        ExpectMsg<LockProtocol.NotAcquired>();
        entity.Tell(new LockProtocol.Release(6));
        ExpectMsg<LockProtocol.Released>();
        entity.Tell(new LockProtocol.Acquire(7, ActorRefs.Nobody));
        Assert.Equal(5, ExpectMsg<LockProtocol.Acquired>().FencingToken);
    }

    [Fact]
    public async Task Lock_AfterSnapshotsOfManyCycles_JournalKeepsAtMostOneIntervalOfEvents_AndRecoveryGivesTheSameState()
    {
        const int cycles = SnapshotEvery * 7;
        var entityId = PrimitiveEntityIds.Lock("compacted-lock");
        var entity = Start(entityId);
        for (var i = 1; i <= cycles; i++)
        {
            entity.Tell(new LockProtocol.Acquire(i, TestActor));
            ExpectMsg<LockProtocol.Acquired>(Recovery);
            entity.Tell(new LockProtocol.Release(1000 + i));
            ExpectMsg<LockProtocol.Released>();
        }

        entity.Tell(new LockProtocol.Acquire(cycles + 1, TestActor));
        var held = ExpectMsg<LockProtocol.Acquired>();
        var persistenceId = DurableEntity.PersistenceIdOf(entityId);
        await AwaitAssertAsync(async () =>
        {
            Assert.InRange(await _journal.CountEventsAsync(persistenceId), 1, SnapshotEvery);
            Assert.Equal(1, await _journal.CountSnapshotsAsync(persistenceId));
        }, CleanUp);

        entity = Restart(entity, entityId);
        entity.Tell(new LockProtocol.GetState(1));
        var state = ExpectMsg<LockProtocol.LockState>(Recovery);
        Assert.True(state.Locked);
        Assert.Equal(TestActor, state.Holder);
        Assert.Equal(cycles + 1, held.FencingToken);
        Assert.Equal(held.FencingToken, state.FencingToken);
        entity.Tell(new LockProtocol.Release(1));
        ExpectMsg<LockProtocol.Released>();
        entity.Tell(new LockProtocol.Acquire(2, TestActor));
        Assert.Equal(held.FencingToken + 1, ExpectMsg<LockProtocol.Acquired>().FencingToken);
    }

    [Fact]
    public void Semaphore_PermitsHeldWhenItsEntityStops_AreStillHeld()
    {
        var entityId = PrimitiveEntityIds.Semaphore("durable-semaphore", 3, bounded: true);
        var entity = Start(entityId);
        entity.Tell(new SemaphoreProtocol.Acquire(1, TestActor));
        ExpectMsg<SemaphoreProtocol.Acquired>(Recovery);
        entity.Tell(new SemaphoreProtocol.Acquire(2, ActorRefs.Nobody));
        ExpectMsg<SemaphoreProtocol.Acquired>();

        entity = Restart(entity, entityId);
        entity.Tell(new SemaphoreProtocol.GetState(3));
        var state = ExpectMsg<SemaphoreProtocol.SemaphoreState>(Recovery);
        Assert.Equal(1, state.Value);
        Assert.Equal(1, state.HeldByOwners);
    }

    [Fact]
    public void Lock_MaxHoldTime_IsKeptByTheNextIncarnation_WhichStartsAFreshTermForTheRecoveredHold()
    {
        var entityId = PrimitiveEntityIds.Lock("durable-bounded-lock");
        var entity = Start(entityId);
        entity.Tell(new LockProtocol.Acquire(1, TestActor));
        ExpectMsg<LockProtocol.Acquired>(Recovery);
        // Set after the grant: this hold has no term in the first incarnation.
        var limit = TimeSpan.FromMilliseconds(500);
        entity.Tell(new CoordinatorProtocol.SetMaxHoldTime(2, limit));
        ExpectMsg(new CoordinatorProtocol.MaxHoldTimeSet(2, limit));

        entity = Restart(entity, entityId);
        entity.Tell(new CoordinatorProtocol.GetStatistics(3));
        Assert.Equal(limit, ExpectMsg<CoordinatorProtocol.Statistics>(Recovery).MaxHoldTime);
        ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.MaxHoldTimeExceeded), Recovery);
        entity.Tell(new LockProtocol.Acquire(4, ActorRefs.Nobody));
        Assert.Equal(2, ExpectMsg<LockProtocol.Acquired>().FencingToken);
    }

    [Fact]
    public void Lock_RegisteredMaxHoldTime_IsNotJournalled_ButABoundSetAtRunTimeIs_AndWinsOverADifferentRegistrationAfterRecovery()
    {
        var entityId = PrimitiveEntityIds.Lock("registered-bound-lock");
        var (registered, changedRegistration, setAtRunTime) = (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(3));
        var entity = Start(entityId, registered);
        Assert.Equal(registered, MaxHoldTimeOf(entity));
        entity.Tell(new LockProtocol.Acquire(1, TestActor));
        ExpectMsg<LockProtocol.Acquired>(Recovery);

        // Nothing set at run time: a changed registration applies to the next incarnation.
        entity = Restart(entity, entityId, changedRegistration);
        Assert.Equal(changedRegistration, MaxHoldTimeOf(entity));
        entity.Tell(new CoordinatorProtocol.SetMaxHoldTime(2, setAtRunTime));
        ExpectMsg(new CoordinatorProtocol.MaxHoldTimeSet(2, setAtRunTime));

        // A bound set at run time is recovered and wins over the registration, with a warning.
        entity = EventFilter.Warning(contains: "rather than the registered").ExpectOne(Recovery, () => Restart(entity, entityId, registered));
        Assert.Equal(setAtRunTime, MaxHoldTimeOf(entity));
        entity.Tell(new LockProtocol.GetState(3));
        Assert.Equal(TestActor, ExpectMsg<LockProtocol.LockState>().Holder);
    }

    [Fact]
    public void Semaphore_TokensContinueAcrossIncarnations_AndAReleaseNamingAnOldTokenReturnsItsOwnersPermit()
    {
        var entityId = PrimitiveEntityIds.Semaphore("durable-tokens", 2, bounded: true);
        var entity = Start(entityId);
        entity.Tell(new SemaphoreProtocol.Acquire(1, TestActor));
        var first = ExpectMsg<SemaphoreProtocol.Acquired>(Recovery);

        entity = Restart(entity, entityId);
        entity.Tell(new SemaphoreProtocol.Release(2, TestActor, 1, first.FencingToken));
        Assert.Equal(2, ExpectMsg<SemaphoreProtocol.Released>(Recovery).Value);
        entity.Tell(new SemaphoreProtocol.Acquire(3, TestActor));
        Assert.True(ExpectMsg<SemaphoreProtocol.Acquired>().FencingToken > first.FencingToken);
    }

    [Theory]
    [InlineData(Actors.Hosting.QueueKind.Fifo)]
    [InlineData(Actors.Hosting.QueueKind.Lifo)]
    [InlineData(Actors.Hosting.QueueKind.Priority)]
    [InlineData(Actors.Hosting.QueueKind.Simple)]
    public void Queue_AcknowledgedItemsSurviveItsEntity_InOrder_AndAnUnconfirmedDeliveryComesBack(Actors.Hosting.QueueKind kind)
    {
        var entityId = PrimitiveEntityIds.Queue($"durable-{kind}", kind, 0);
        var entity = Start(entityId);
        var expected = new List<object?>();
        for (var i = 1; i <= 10; i++)
        {
            entity.Tell(new QueueProtocol.Put(i, ActorRefs.Nobody, i));
            ExpectMsg<QueueProtocol.PutDone>(Recovery);
            expected.Add(i);
        }

        entity.Tell(new QueueProtocol.PutMany(11, ActorRefs.Nobody, Enumerable.Range(11, 30).Cast<object?>().ToArray()));
        ExpectMsg<QueueProtocol.PutManyDone>(Recovery);
        expected.AddRange(Enumerable.Range(11, 30).Cast<object?>());
        if (kind == Actors.Hosting.QueueKind.Lifo) expected.Reverse();
        var getter = CreateTestProbe();
        entity.Tell(new QueueProtocol.Get(50, getter.Ref), getter.Ref);
        Assert.Equal(expected[0], getter.ExpectMsg<QueueProtocol.Got>(Recovery).Item);
        Assert.Equal(expected.Skip(1).Take(4), Drain(entity, 4));

        entity = Restart(entity, entityId);
        entity.Tell(new QueueProtocol.GetState(60));
        Assert.Equal((35, 1), ExpectMsg<QueueProtocol.QueueState>(Recovery) is var state ? (state.Count, state.AwaitingConfirmation) : default);
        Sys.Stop(getter.Ref);
        AwaitAssert(() =>
        {
            entity.Tell(new QueueProtocol.GetState(61));
            Assert.Equal(0, ExpectMsg<QueueProtocol.QueueState>(Recovery).AwaitingConfirmation);
        }, Recovery);

        expected.RemoveRange(1, 4);
        Assert.Equal(expected, Drain(entity, int.MaxValue));
    }

    [Fact]
    public void Queue_RequestsWhileEventsAreStored_AreAnsweredOnce_InOrder_NoneBeforeTheEventsBeforeIt()
    {
        var entity = Start(PrimitiveEntityIds.Queue("interleaved", Actors.Hosting.QueueKind.Fifo, 0));
        const int puts = 30;
        for (var i = 1; i <= puts; i++)
        {
            entity.Tell(new QueueProtocol.Put(i, ActorRefs.Nobody, i));
            entity.Tell(new QueueProtocol.GetState(1000 + i));
        }

        for (var i = 1; i <= puts; i++)
        {
            Assert.Equal(new QueueProtocol.PutDone(i), ExpectMsg<QueueProtocol.PutDone>(Recovery));
            var state = ExpectMsg<QueueProtocol.QueueState>(Recovery);
            Assert.Equal((1000L + i, i), (state.RequestId, state.Count));
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Lock_StopEntity_StopsItAfterTheRequestsBeforeIt()
    {
        var entity = Start(PrimitiveEntityIds.Lock("stopped-lock"));
        Watch(entity);
        entity.Tell(new LockProtocol.Acquire(1, ActorRefs.Nobody));
        entity.Tell(StopEntity.Instance);
        ExpectMsg<LockProtocol.Acquired>(Recovery);
        ExpectTerminated(entity);
    }

    /// <summary>Takes up to <paramref name="count"/> items, confirming each, until the queue is empty.</summary>
    private List<object?> Drain(IActorRef entity, int count)
    {
        var items = new List<object?>();
        while (items.Count < count)
        {
            entity.Tell(new QueueProtocol.Get(1, ActorRefs.Nobody, TimeSpan.Zero));
            if (ExpectMsg<QueueProtocol.IGetReply>(Recovery) is not QueueProtocol.Got got) break;
            items.Add(got.Item);
            entity.Tell(new QueueProtocol.ConfirmDelivery(2, [got.Sequence]));
            ExpectMsg<QueueProtocol.DeliveryConfirmed>(Recovery);
        }

        return items;
    }

    private IActorRef Start(string entityId, TimeSpan? maxHoldTime = null) => Sys.ActorOf(PrimitiveEntityProps.For(entityId, Options, maxHoldTime));

    private IActorRef Restart(IActorRef entity, string entityId, TimeSpan? maxHoldTime = null)
    {
        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        return Start(entityId, maxHoldTime);
    }

    private TimeSpan? MaxHoldTimeOf(IActorRef entity)
    {
        entity.Tell(new CoordinatorProtocol.GetStatistics(99));
        return ExpectMsg<CoordinatorProtocol.Statistics>(Recovery).MaxHoldTime;
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _journal.Dispose();
    }
}
