using Actors.Cluster.Persistence;
using Actors.Lock;
using Actors.Semaphore;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>A durable entity alone, over SQLite in a temporary file: each incarnation comes back with the state of the last.</summary>
public sealed class DurableEntityTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);
    private static readonly TemporaryDatabase Database = new();
    private static readonly PersistenceOptions Options = new() { SnapshotEvery = 3 };

    public DurableEntityTests() : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING")
        .WithFallback(Database.Config).WithFallback(ClusterPrimitivesConfig.Serialization))
    {
    }

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
        Database.Dispose();
    }
}
