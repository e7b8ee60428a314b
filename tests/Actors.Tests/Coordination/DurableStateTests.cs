using System.Collections.Immutable;
using Actors.Barrier;
using Actors.Coordination;
using Actors.Event;
using Actors.Lock;
using Actors.Protocol;
using Actors.RLock;
using Actors.Semaphore;

namespace Actors.Tests.Coordination;

/// <summary>
/// The durable-state contract a persisting host relies on: a coordinator says when a message changed its durable state,
/// captures it, and a new coordinator restored from it holds the same grants, watches the same holders and continues
/// the fencing tokens; a foreign or impossible state is refused and leaves the coordinator as it was.
/// </summary>
public sealed class DurableStateTests : CoordinatorTestKit
{
    private readonly TestProbe _changes;

    public DurableStateTests() => _changes = CreateTestProbe();

    [Fact]
    public void Lock_GrantAndRelease_EachReportTheNewState_AndAQueryChangesNothing()
    {
        var owner = CreateTestProbe();
        var host = Host(ActorLock.Behavior());

        host.Tell(new LockProtocol.Acquire(1, owner.Ref), owner.Ref);
        owner.ExpectMsg(new LockProtocol.Acquired(1, 1));
        Assert.Equal(new LockDurableState(owner.Ref, 1), _changes.ExpectMsg<LockDurableState>());

        host.Tell(new LockProtocol.GetState(2), owner.Ref);
        owner.ExpectMsg<LockProtocol.LockState>();
        host.Tell(new LockProtocol.Release(3), owner.Ref);
        owner.ExpectMsg(new LockProtocol.Released(3));
        Assert.Equal(new LockDurableState(null, 1), _changes.ExpectMsg<LockDurableState>());
    }

    [Fact]
    public void Lock_RestoredHeld_KeepsItsHolderAndToken_AndPassesOnWhenTheHolderDies()
    {
        var holder = CreateTestProbe();
        var waiter = CreateTestProbe();
        var host = Host(ActorLock.Behavior(), new LockDurableState(holder.Ref, 7));

        host.Tell(new LockProtocol.GetState(1), waiter.Ref);
        var state = waiter.ExpectMsg<LockProtocol.LockState>();
        Assert.Equal((true, holder.Ref, 7L), (state.Locked, state.Holder, state.FencingToken));
        host.Tell(new LockProtocol.Acquire(2, waiter.Ref), waiter.Ref);
        host.Tell(new LockProtocol.GetState(3), waiter.Ref);
        Assert.Equal(1, waiter.ExpectMsg<LockProtocol.LockState>().Waiting);

        Sys.Stop(holder.Ref);
        waiter.ExpectMsg(new LockProtocol.Acquired(2, 8));
    }

    [Fact]
    public void RLock_RestoredAtDepthTwo_IsFreeAfterTwoReleases()
    {
        var owner = CreateTestProbe();
        var host = Host(ActorRLock.Behavior(), new RLockDurableState(owner.Ref, 2, 4));

        host.Tell(new RLockProtocol.Release(1, owner.Ref), owner.Ref);
        owner.ExpectMsg(new RLockProtocol.Released(1, 1));
        Assert.Equal(new RLockDurableState(owner.Ref, 1, 4), _changes.ExpectMsg<RLockDurableState>());
        host.Tell(new RLockProtocol.Release(2, owner.Ref), owner.Ref);
        owner.ExpectMsg(new RLockProtocol.Released(2, 0));
        Assert.Equal(new RLockDurableState(null, 0, 4), _changes.ExpectMsg<RLockDurableState>());
    }

    [Fact]
    public void BoundedSemaphore_RestoredWithHolders_GrantsWhatIsFree_AndTakesBackADeadHoldersPermits()
    {
        var holder = CreateTestProbe();
        var other = CreateTestProbe();
        var restored = new SemaphoreDurableState(1, 0, ImmutableDictionary<IActorRef, int>.Empty.Add(holder.Ref, 2));
        var host = Host(ActorSemaphore.Behavior(3, bounded: true), restored);

        host.Tell(new SemaphoreProtocol.Acquire(1, other.Ref), other.Ref);
        other.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        var afterGrant = _changes.ExpectMsg<SemaphoreDurableState>();
        Assert.Equal((0, 1, 2), (afterGrant.Value, afterGrant.HeldBy[other.Ref], afterGrant.HeldBy[holder.Ref]));

        Sys.Stop(holder.Ref);
        var afterDeath = _changes.ExpectMsg<SemaphoreDurableState>();
        Assert.Equal(2, afterDeath.Value);
        Assert.Equal([other.Ref], afterDeath.HeldBy.Keys);
    }

    [Fact]
    public void EventAndBarrier_RoundTripTheirFlagAndRounds()
    {
        var caller = CreateTestProbe();
        var @event = Host(ActorEvent.Behavior(), new EventDurableState(true));
        @event.Tell(new EventProtocol.Wait(1, caller.Ref, TimeSpan.Zero), caller.Ref);
        caller.ExpectMsg(new EventProtocol.Signalled(1));
        @event.Tell(new EventProtocol.Clear(2), caller.Ref);
        caller.ExpectMsg(new EventProtocol.Cleared(2));
        Assert.Equal(new EventDurableState(false), _changes.ExpectMsg<EventDurableState>());

        var barrier = Host(ActorBarrier.Behavior(1), new BarrierDurableState(false, 41));
        barrier.Tell(new BarrierProtocol.Wait(3, caller.Ref), caller.Ref);
        Assert.Equal(41, caller.ExpectMsg<BarrierProtocol.Passed>().Round);
        Assert.Equal(new BarrierDurableState(false, 42), _changes.ExpectMsg<BarrierDurableState>());
    }

    [Fact]
    public void Restore_ForeignOrImpossibleState_IsRefusedAndChangesNothing()
    {
        var owner = CreateTestProbe().Ref;
        var caller = CreateTestProbe();
        var semaphore = Host(ActorSemaphore.Behavior(2, bounded: true));
        foreach (var bad in new IDurableState[]
                 {
                     new LockDurableState(null, 3),
                     new SemaphoreDurableState(2, 0, ImmutableDictionary<IActorRef, int>.Empty.Add(owner, 1)),
                     new SemaphoreDurableState(-1, 0, ImmutableDictionary<IActorRef, int>.Empty),
                 })
        {
            semaphore.Tell(new TryRestore(bad), caller.Ref);
            Assert.IsType<ArgumentException>(caller.ExpectMsg<Exception>());
        }

        semaphore.Tell(Capture.Instance, caller.Ref);
        Assert.Equal(new SemaphoreDurableState(2, 0, ImmutableDictionary<IActorRef, int>.Empty), Normalize(caller.ExpectMsg<SemaphoreDurableState>()));

        var mutex = Host(ActorLock.Behavior());
        foreach (var bad in new IDurableState[] { new LockDurableState(owner, 0), new EventDurableState(true), new RLockDurableState(owner, 1, 1) })
        {
            mutex.Tell(new TryRestore(bad), caller.Ref);
            Assert.IsType<ArgumentException>(caller.ExpectMsg<Exception>());
        }

        mutex.Tell(Capture.Instance, caller.Ref);
        Assert.Equal(new LockDurableState(null, 0), caller.ExpectMsg<LockDurableState>());
    }

    [Fact]
    public void Lock_IsIdleOnlyWhenFreeAndNobodyWaits()
    {
        var holder = CreateTestProbe();
        var waiter = CreateTestProbe();
        var host = Host(ActorLock.Behavior());
        Assert.True(IsIdle(host));

        host.Tell(new LockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<LockProtocol.Acquired>();
        Assert.False(IsIdle(host));
        host.Tell(new LockProtocol.Acquire(2, waiter.Ref), waiter.Ref);
        host.Tell(new LockProtocol.Release(3), holder.Ref);
        holder.ExpectMsg<LockProtocol.Released>();
        waiter.ExpectMsg<LockProtocol.Acquired>();
        Assert.False(IsIdle(host));

        host.Tell(new LockProtocol.Release(4), waiter.Ref);
        waiter.ExpectMsg<LockProtocol.Released>();
        Assert.True(IsIdle(host));
    }

    [Fact]
    public void Semaphore_WithAnAnonymousPermitOut_OrAWaiter_IsNotIdle()
    {
        var caller = CreateTestProbe();
        var host = Host(ActorSemaphore.Behavior(1));
        host.Tell(new SemaphoreProtocol.Acquire(1, ActorRefs.Nobody), caller.Ref);
        caller.ExpectMsg<SemaphoreProtocol.Acquired>();
        Assert.False(IsIdle(host));

        var waiter = CreateTestProbe();
        host.Tell(new SemaphoreProtocol.Acquire(2, waiter.Ref), waiter.Ref);
        host.Tell(new SemaphoreProtocol.Release(3, ActorRefs.Nobody), caller.Ref);
        caller.ExpectMsg<SemaphoreProtocol.Released>();
        waiter.ExpectMsg<SemaphoreProtocol.Acquired>();
        Assert.False(IsIdle(host));
    }

    [Fact]
    public void Queue_WithAnItem_OrAnUnfinishedTask_IsNotIdle()
    {
        var caller = CreateTestProbe();
        var host = Host(new Actors.Queue.QueueCoordinator(() => new Actors.Queue.ItemStore.Fifo(), maxSize: 0, tracksTasks: true));
        Assert.True(IsIdle(host));

        host.Tell(new Actors.Queue.QueueProtocol.Put(1, ActorRefs.Nobody, 7), caller.Ref);
        caller.ExpectMsg<Actors.Queue.QueueProtocol.PutDone>();
        Assert.False(IsIdle(host));
        host.Tell(new Actors.Queue.QueueProtocol.Get(2, ActorRefs.Nobody), caller.Ref);
        caller.ExpectMsg<Actors.Queue.QueueProtocol.Got>();
        Assert.False(IsIdle(host));
        host.Tell(new Actors.Queue.QueueProtocol.TaskDone(3), caller.Ref);
        caller.ExpectMsg<Actors.Queue.QueueProtocol.TaskDoneAck>();
        Assert.True(IsIdle(host));
    }

    private bool IsIdle(IActorRef host)
    {
        var caller = CreateTestProbe();
        host.Tell(AskIdle.Instance, caller.Ref);
        return caller.ExpectMsg<bool>();
    }

    private static SemaphoreDurableState Normalize(IDurableState state)
    {
        var semaphore = Assert.IsType<SemaphoreDurableState>(state);
        return semaphore with { HeldBy = ImmutableDictionary<IActorRef, int>.Empty.AddRange(semaphore.HeldBy) };
    }

    private IActorRef Host(Coordinator coordinator, IDurableState? restored = null) =>
        Sys.ActorOf(Props.Create(() => new RecordingHost(coordinator, restored, _changes.Ref)));

    /// <summary>A host as a persisting one would be, reporting each changed state instead of storing it.</summary>
    private sealed class RecordingHost : UntypedActor, IWithTimers, ICoordinatorHost
    {
        private readonly Coordinator _coordinator;
        private readonly IActorRef _changes;

        public RecordingHost(Coordinator coordinator, IDurableState? restored, IActorRef changes)
        {
            _coordinator = coordinator;
            _changes = changes;
            coordinator.Attach(this);
            if (restored is not null) coordinator.RestoreDurableState(restored);
        }

        public ITimerScheduler Timers { get; set; } = null!;

        IActorContext ICoordinatorHost.Context => Context;

        void ICoordinatorHost.Unhandled(object message) => Unhandled(message);

        void ICoordinatorHost.Send(IActorRef to, object message) => to.Tell(message, Self);

        protected override void PreStart() => _coordinator.Started();

        protected override void PostStop() => _coordinator.Stopped();

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                // Only to observe a refusal: a real host restores before the coordinator starts.
                case TryRestore restore:
                    try
                    {
                        _coordinator.RestoreDurableState(restore.State);
                        Sender.Tell("restored");
                    }
                    catch (Exception error)
                    {
                        Sender.Tell(error);
                    }

                    return;
                case Capture:
                    Sender.Tell(_coordinator.CaptureDurableState());
                    return;
                case AskIdle:
                    Sender.Tell(_coordinator.IsIdle);
                    return;
            }

            _coordinator.Receive(message);
            if (_coordinator.DurableStateChanged) _changes.Tell(_coordinator.CaptureDurableState());
        }
    }

    private sealed record TryRestore(IDurableState State);

    private sealed class Capture
    {
        public static readonly Capture Instance = new();
    }

    private sealed class AskIdle
    {
        public static readonly AskIdle Instance = new();
    }
}
