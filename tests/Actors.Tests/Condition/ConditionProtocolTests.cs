using Actors.Condition;
using Actors.Lock;
using Actors.RLock;
using static Actors.Condition.ConditionProtocol;

namespace Actors.Tests.Condition;

/// <summary>Conditions driven by Tell against their lock's coordinator.</summary>
public sealed class ConditionProtocolTests : CoordinatorTestKit
{
    private readonly IActorRef _lock;

    public ConditionProtocolTests() => _lock = Sys.ActorOf(ActorRLock.Props());

    [Fact]
    public void Wait_Notified_RepliesOnlyOnceTheLockIsHeldAgainAtTheOldDepth()
    {
        var (waiter, notifier) = (CreateTestProbe(), CreateTestProbe());
        AcquireRLock(waiter, 2);
        _lock.Tell(new Wait(10, waiter.Ref, "c"), waiter.Ref);
        AcquireRLock(notifier, 1);
        _lock.Tell(new Notify(20, notifier.Ref, "c"), notifier.Ref);
        notifier.ExpectMsg(new Notified(20, 1));
        Assert.Equal(notifier.Ref, LockSeenBy(waiter).Owner); // waiter's next message: not woken while the lock is held

        _lock.Tell(new RLockProtocol.Release(21, notifier.Ref), notifier.Ref);
        notifier.ExpectMsg<RLockProtocol.Released>();
        Assert.Equal(WakeReason.Notified, waiter.ExpectMsg<Woken>().Reason);
        Assert.Equal((waiter.Ref, 2), StateOf());
    }

    [Fact]
    public void WaitersOwnerDies_WhileWaiting_TheWatchersOfItsReleasedHoldAreTold()
    {
        var (waiter, watcher, other) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new RLockProtocol.Acquire(1, waiter.Ref), waiter.Ref);
        var token = waiter.ExpectMsg<RLockProtocol.Acquired>().FencingToken;
        _lock.Tell(new CoordinatorProtocol.WatchHold(token, watcher.Ref));
        watcher.ExpectMsg(new CoordinatorProtocol.HoldWatched(token));
        _lock.Tell(new Wait(2, waiter.Ref, "c"), waiter.Ref);
        Assert.Equal(1, ConditionSeenBy(other, "c").Waiting);

        Sys.Stop(waiter.Ref);

        watcher.ExpectMsg(new CoordinatorProtocol.HoldLost(token, HoldLostReason.OwnerTerminated));
        Assert.Equal(0, ConditionSeenBy(other, "c").Waiting);
    }

    [Fact]
    public void Wait_WithoutHoldingTheLock_IsRejectedAndStateUnchanged()
    {
        var (holder, other) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new Wait(1, other.Ref, "c"), other.Ref);
        Assert.Equal(RejectionReason.NotHeld, other.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AcquireRLock(holder, 1);
        _lock.Tell(new Wait(2, other.Ref, "c"), other.Ref);
        Assert.Equal(RejectionReason.NotOwner, other.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new Notify(3, other.Ref, "c"), other.Ref);
        Assert.Equal(RejectionReason.NotOwner, other.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal((holder.Ref, 1), StateOf());
    }

    [Fact]
    public void Notify_NobodyWaiting_IsLost()
    {
        var a = CreateTestProbe();
        AcquireRLock(a, 1);
        _lock.Tell(new Notify(1, a.Ref, "c"), a.Ref);
        a.ExpectMsg(new Notified(1, 0));
        _lock.Tell(new Wait(2, a.Ref, "c", TimeSpan.FromMilliseconds(100)), a.Ref);
        Assert.Equal(WakeReason.TimedOut, a.ExpectMsg<Woken>(TimeSpan.FromSeconds(5)).Reason);
    }

    [Fact]
    public void NotifyN_WakesAtMostNInArrivalOrder()
    {
        var waiters = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        foreach (var w in waiters)
        {
            AcquireRLock(w, 1);
            _lock.Tell(new Wait(2, w.Ref, "c"), w.Ref);
        }

        var notifier = CreateTestProbe();
        AcquireRLock(notifier, 1);
        _lock.Tell(new Notify(3, notifier.Ref, "c", 3), notifier.Ref);
        notifier.ExpectMsg(new Notified(3, 3));
        _lock.Tell(new GetState(4, "c"), notifier.Ref);
        notifier.ExpectMsg(new ConditionState(4, 2, 3));
        _lock.Tell(new RLockProtocol.Release(5, notifier.Ref), notifier.Ref);
        notifier.ExpectMsg<RLockProtocol.Released>();

        foreach (var w in waiters.Take(3))
        {
            Assert.Equal(WakeReason.Notified, w.ExpectMsg<Woken>().Reason);
            _lock.Tell(new RLockProtocol.Release(6, w.Ref), w.Ref);
            w.ExpectMsg<RLockProtocol.Released>();
        }

        Assert.Equal(2, ConditionSeenBy(waiters[3], "c").Waiting); // the last two still wait, unanswered
        Assert.Equal(2, ConditionSeenBy(waiters[4], "c").Waiting);
    }

    [Fact]
    public void Conditions_SharingOneLock_AreNotifiedSeparately()
    {
        var (notEmpty, notFull, producer) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireRLock(notEmpty, 1);
        _lock.Tell(new Wait(1, notEmpty.Ref, "not_empty"), notEmpty.Ref);
        AcquireRLock(notFull, 1);
        _lock.Tell(new Wait(1, notFull.Ref, "not_full"), notFull.Ref);
        AcquireRLock(producer, 1);
        _lock.Tell(new Notify(2, producer.Ref, "not_empty"), producer.Ref);
        producer.ExpectMsg(new Notified(2, 1));
        _lock.Tell(new RLockProtocol.Release(3, producer.Ref), producer.Ref);
        Assert.Equal(WakeReason.Notified, notEmpty.ExpectMsg<Woken>().Reason);
        Assert.Equal(1, ConditionSeenBy(notFull, "not_full").Waiting); // notFull's next message: it still waits
    }

    [Fact]
    public void Wait_TimedOut_TakesTheLockBackBeforeReplying()
    {
        var (waiter, other) = (CreateTestProbe(), CreateTestProbe());
        AcquireRLock(waiter, 1);
        _lock.Tell(new Wait(1, waiter.Ref, "c", TimeSpan.FromMilliseconds(50)), waiter.Ref);
        AcquireRLock(other, 1);
        AwaitAssert(() => Assert.Equal(1, ConditionSeenBy(CreateTestProbe(), "c").Reacquiring), TestTimes.Settle);
        Assert.Equal(other.Ref, LockSeenBy(waiter).Owner); // waiter's next message: timed out, but no reply without the lock
        _lock.Tell(new RLockProtocol.Release(2, other.Ref), other.Ref);
        Assert.Equal(WakeReason.TimedOut, waiter.ExpectMsg<Woken>().Reason);
        Assert.Equal((waiter.Ref, 1), StateOf());
    }

    [Fact]
    public void Wait_Cancelled_TakesTheLockBackAndSaysCancelled()
    {
        var waiter = CreateTestProbe();
        AcquireRLock(waiter, 3);
        _lock.Tell(new Wait(1, waiter.Ref, "c"), waiter.Ref);
        _lock.Tell(new CoordinatorProtocol.Cancel(1, waiter.Ref), waiter.Ref);
        Assert.Equal(WakeReason.Cancelled, waiter.ExpectMsg<Woken>().Reason);
        Assert.Equal((waiter.Ref, 3), StateOf());
    }

    [Fact]
    public void Cancel_AfterNotify_IsIgnoredAndTheWaitCompletesAsNotified()
    {
        var (waiter, notifier) = (CreateTestProbe(), CreateTestProbe());
        AcquireRLock(waiter, 1);
        _lock.Tell(new Wait(1, waiter.Ref, "c"), waiter.Ref);
        AcquireRLock(notifier, 1);
        _lock.Tell(new Notify(2, notifier.Ref, "c"), notifier.Ref);
        notifier.ExpectMsg<Notified>();
        _lock.Tell(new CoordinatorProtocol.Cancel(1, waiter.Ref), waiter.Ref);
        Assert.Equal(1, ConditionSeenBy(waiter, "c").Reacquiring); // waiter's next message: the cancel came too late to answer
        _lock.Tell(new RLockProtocol.Release(3, notifier.Ref), notifier.Ref);
        Assert.Equal(WakeReason.Notified, waiter.ExpectMsg<Woken>().Reason);
    }

    [Fact]
    public void Wait_ZeroTimeout_ReleasesAndTakesBackAtOnce()
    {
        var waiter = CreateTestProbe();
        AcquireRLock(waiter, 2);
        _lock.Tell(new Wait(1, waiter.Ref, "c", TimeSpan.Zero), waiter.Ref);
        Assert.Equal(WakeReason.TimedOut, waiter.ExpectMsg<Woken>().Reason);
        Assert.Equal((waiter.Ref, 2), StateOf());
    }

    [Fact]
    public void Wait_ReleasingTheLock_LetsAQueuedAcquirerIn()
    {
        var (waiter, acquirer) = (CreateTestProbe(), CreateTestProbe());
        AcquireRLock(waiter, 2);
        _lock.Tell(new RLockProtocol.Acquire(1, acquirer.Ref), acquirer.Ref);
        Assert.Equal(1, LockSeenBy(acquirer).Waiting); // acquirer's next message: it waits
        _lock.Tell(new Wait(2, waiter.Ref, "c"), waiter.Ref);
        Assert.Equal(1, acquirer.ExpectMsg<RLockProtocol.Acquired>().Depth);
    }

    [Fact]
    public void OwnerDeath_WhileWaiting_DropsTheWaitAndNotifyFindsNobody()
    {
        var (waiter, notifier) = (CreateTestProbe(), CreateTestProbe());
        AcquireRLock(waiter, 1);
        _lock.Tell(new Wait(1, waiter.Ref, "c"), waiter.Ref);
        Watch(waiter.Ref);
        Sys.Stop(waiter.Ref);
        ExpectTerminated(waiter.Ref);
        AcquireRLock(notifier, 1);
        _lock.Tell(new Notify(2, notifier.Ref, "c"), notifier.Ref);
        notifier.ExpectMsg(new Notified(2, 0));
    }

    [Fact]
    public void BadInput_IsRejectedAndStateUnchanged()
    {
        var a = CreateTestProbe();
        AcquireRLock(a, 1);
        _lock.Tell(new Notify(1, a.Ref, "c", 0), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new Wait(2, a.Ref, "", null), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new Wait(3, a.Ref, "c", TimeSpan.FromSeconds(-3)), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal((a.Ref, 1), StateOf());
    }

    [Fact]
    public void PlainLock_HostsConditionsToo()
    {
        var plain = Sys.ActorOf(ActorLock.Props());
        var (waiter, notifier) = (CreateTestProbe(), CreateTestProbe());
        plain.Tell(new LockProtocol.Acquire(1, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg<LockProtocol.Acquired>();
        plain.Tell(new Wait(2, waiter.Ref, "c"), waiter.Ref);
        plain.Tell(new LockProtocol.Acquire(1, notifier.Ref), notifier.Ref);
        notifier.ExpectMsg<LockProtocol.Acquired>();
        plain.Tell(new Notify(2, notifier.Ref, "c"), notifier.Ref);
        notifier.ExpectMsg(new Notified(2, 1));
        plain.Tell(new LockProtocol.Release(3), notifier.Ref);
        Assert.Equal(WakeReason.Notified, waiter.ExpectMsg<Woken>().Reason);
    }

    private void AcquireRLock(TestProbe owner, int depth)
    {
        for (var i = 1; i <= depth; i++)
        {
            _lock.Tell(new RLockProtocol.Acquire(1000 + i, owner.Ref), owner.Ref);
            Assert.Equal(i, owner.ExpectMsg<RLockProtocol.Acquired>().Depth);
        }
    }

    private (IActorRef? Owner, int Depth) StateOf()
    {
        var state = LockSeenBy(CreateTestProbe());
        return (state.Owner, state.Depth);
    }

    /// <summary>
    /// The lock's state as the next message of <paramref name="probe"/>: whatever the coordinator sent that probe
    /// before the query arrives first, so a reply that must not have been sent fails here.
    /// </summary>
    private RLockProtocol.RLockState LockSeenBy(TestProbe probe)
    {
        _lock.Tell(new RLockProtocol.GetState(0), probe.Ref);
        return probe.ExpectMsg<RLockProtocol.RLockState>();
    }

    /// <summary>The waiters of <paramref name="condition"/> as the next message of <paramref name="probe"/>.</summary>
    private ConditionState ConditionSeenBy(TestProbe probe, string condition)
    {
        _lock.Tell(new GetState(0, condition), probe.Ref);
        return probe.ExpectMsg<ConditionState>();
    }
}
