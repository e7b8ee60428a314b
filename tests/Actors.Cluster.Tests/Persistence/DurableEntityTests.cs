using Actors.Cluster.Persistence;
using Actors.Lock;
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

    private DurableEntityTests(TestJournal journal) : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING")
        .WithFallback(journal.Config).WithFallback(ClusterPrimitivesConfig.Serialization)) => _journal = journal;

    /// <summary>The tests over SQLite.</summary>
    public sealed class Sqlite() : DurableEntityTests(TestJournal.Create(TestJournal.Sqlite));

    /// <summary>The tests over PostgreSQL.</summary>
    public sealed class Postgres() : DurableEntityTests(TestJournal.Create(TestJournal.Postgres));

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
    public void Queue_HasNoDurableStateYet_ItsCoordinatorAnswers_AndStopEntityStopsIt()
    {
        var entity = Sys.ActorOf(PrimitiveEntityProps.For(PrimitiveEntityIds.Queue("q", Actors.Hosting.QueueKind.Fifo, 0), Options));
        entity.Tell(new CoordinatorProtocol.GetStatistics(1));
        Assert.Equal("Queue", ExpectMsg<CoordinatorProtocol.Statistics>().Kind);
        Watch(entity);
        entity.Tell(StopEntity.Instance);
        ExpectTerminated(entity);
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

    private IActorRef Start(string entityId) => Sys.ActorOf(PrimitiveEntityProps.For(entityId, Options));

    private IActorRef Restart(IActorRef entity, string entityId)
    {
        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        return Start(entityId);
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _journal.Dispose();
    }
}
