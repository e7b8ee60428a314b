using Actors.RLock;

namespace Actors.Tests.RLock;

/// <summary>The re-entrant lock coordinator driven by Tell from TestProbes, the way an actor uses it.</summary>
public sealed class RLockProtocolTests : CoordinatorTestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private readonly IActorRef _rlock;

    public RLockProtocolTests() => _rlock = Sys.ActorOf(ActorRLock.Props());

    [Fact]
    public void Acquire_Free_GrantsDepthOneWithFirstFencingToken()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(1, 1, 1));
        Assert.Equal(_rlock, a.LastSender);
        var state = StateSeenBy(a, 2);
        Assert.Equal((a.Ref, 1, 1L, 0), (state.Owner, state.Depth, state.FencingToken, state.Waiting));
    }

    [Fact]
    public void Acquire_HeldBySameOwner_IncrementsDepthAtOnceAndKeepsFencingToken()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(1, 1, 1));
        _rlock.Tell(new RLockProtocol.Acquire(2, a.Ref, TimeSpan.Zero), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(2, 2, 1));
        _rlock.Tell(new RLockProtocol.Acquire(3, a.Ref, TimeSpan.FromMilliseconds(100)), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(3, 3, 1));
        _rlock.Tell(new RLockProtocol.Acquire(4, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(4, 4, 1));
        Assert.Equal(4, StateSeenBy(a, 5).Depth);
    }

    [Fact]
    public void Acquire_HeldBySameOwnerWhileOthersWait_IsGrantedBeforeThem()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref), b.Ref);
        _rlock.Tell(new RLockProtocol.Acquire(2, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(2, 2, 1));
        b.ExpectNoMsg(Quiet);
        Assert.Equal(1, StateSeenBy(a, 3).Waiting);
    }

    [Fact]
    public void Release_DepthAboveOne_KeepsTheLockUntilDepthReachesZero()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        for (var id = 1; id <= 3; id++)
        {
            _rlock.Tell(new RLockProtocol.Acquire(id, a.Ref), a.Ref);
            a.ExpectMsg(new RLockProtocol.Acquired(id, id, 1));
        }

        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref), b.Ref);
        _rlock.Tell(new RLockProtocol.Release(4, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(4, 2));
        b.ExpectNoMsg(Quiet);
        _rlock.Tell(new RLockProtocol.Release(5, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(5, 1));
        b.ExpectNoMsg(Quiet);
        var held = StateSeenBy(a, 6);
        Assert.Equal((a.Ref, 1, 1), (held.Owner, held.Depth, held.Waiting));

        _rlock.Tell(new RLockProtocol.Release(7, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(7, 0));
        b.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
        var handedOver = StateSeenBy(a, 8);
        Assert.Equal((b.Ref, 1, 2L, 0), (handedOver.Owner, handedOver.Depth, handedOver.FencingToken, handedOver.Waiting));
    }

    [Fact]
    public void Release_LastLevelWithNobodyWaiting_FreesTheLock()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(2, 0));
        var state = StateSeenBy(a, 3);
        Assert.False(state.Locked);
        Assert.Equal((null, 0), (state.Owner, state.Depth));
        _rlock.Tell(new RLockProtocol.Acquire(4, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(4, 1, 2));
    }

    [Fact]
    public void Release_ByNonOwner_IsRejectedAsNotOwnerAndStateUnchanged()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(2, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();

        _rlock.Tell(new RLockProtocol.Release(9, b.Ref), b.Ref);
        var rejected = b.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((9L, RejectionReason.NotOwner), (rejected.RequestId, rejected.Reason));

        var state = StateSeenBy(b, 10);
        Assert.Equal((a.Ref, 2, 1L, 0), (state.Owner, state.Depth, state.FencingToken, state.Waiting));
        _rlock.Tell(new RLockProtocol.Release(11, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(11, 1));
    }

    [Fact]
    public void Release_Unlocked_IsRejectedAsNotHeld()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Release(9, a.Ref), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((9L, RejectionReason.NotHeld), (rejected.RequestId, rejected.Reason));
        var state = StateSeenBy(a, 10);
        Assert.Equal((null, 0, 0L), (state.Owner, state.Depth, state.FencingToken));
    }

    [Fact]
    public void Release_AfterDepthReachedZero_IsRejectedAsNotHeld()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(2, 0));
        _rlock.Tell(new RLockProtocol.Release(3, a.Ref), a.Ref);
        Assert.Equal(RejectionReason.NotHeld, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(0, StateSeenBy(a, 4).Depth);
    }

    [Fact]
    public void Acquire_AnonymousOwner_IsRejectedAsInvalidArgument()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, ActorRefs.Nobody), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        Assert.False(StateSeenBy(a, 2).Locked);
    }

    [Fact]
    public void Acquire_NullOwner_IsRejectedAsInvalidArgument()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.False(StateSeenBy(a, 2).Locked);
    }

    [Fact]
    public void Waiters_AreGrantedInArrivalOrder()
    {
        var holder = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<RLockProtocol.Acquired>();
        var waiters = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToList();
        foreach (var w in waiters) _rlock.Tell(new RLockProtocol.Acquire(1, w.Ref), w.Ref);
        Assert.Equal(10, StateSeenBy(holder, 2).Waiting);
        _rlock.Tell(new RLockProtocol.Release(3, holder.Ref), holder.Ref);
        holder.ExpectMsg(new RLockProtocol.Released(3, 0));

        var expectedToken = 2L;
        foreach (var w in waiters)
        {
            w.ExpectMsg(new RLockProtocol.Acquired(1, 1, expectedToken++));
            _rlock.Tell(new RLockProtocol.Release(2, w.Ref), w.Ref);
            w.ExpectMsg(new RLockProtocol.Released(2, 0));
        }

        var state = StateSeenBy(holder, 4);
        Assert.Equal((false, 11L, 0), (state.Locked, state.FencingToken, state.Waiting));
    }

    [Fact]
    public void Acquire_HeldWithZeroTimeout_AnswersNotAcquiredAtOnce()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(7, b.Ref, TimeSpan.Zero), b.Ref);
        b.ExpectMsg(new RLockProtocol.NotAcquired(7));
        Assert.Equal(0, StateSeenBy(b, 8).Waiting);
    }

    [Fact]
    public void Acquire_HeldWithTimeout_CoordinatorAnswersNotAcquiredAndNeverGrantsLater()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(5, b.Ref, TimeSpan.FromMilliseconds(100)), b.Ref);
        b.ExpectMsg(new RLockProtocol.NotAcquired(5), TimeSpan.FromSeconds(5));
        Assert.Equal(_rlock, b.LastSender);
        Assert.Equal(0, StateSeenBy(a, 2).Waiting);

        _rlock.Tell(new RLockProtocol.Release(3, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(3, 0));
        b.ExpectNoMsg(Quiet);
        Assert.False(StateSeenBy(a, 4).Locked);
    }

    [Fact]
    public void Acquire_InfiniteTimeSpan_WaitsUntilReleased()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref, Timeout.InfiniteTimeSpan), b.Ref);
        b.ExpectNoMsg(Quiet);
        _rlock.Tell(new RLockProtocol.Release(2, a.Ref), a.Ref);
        b.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
    }

    [Fact]
    public void Cancel_Waiting_AnswersCancelledAndSkipsTheWaiter()
    {
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref), b.Ref);
        _rlock.Tell(new RLockProtocol.Acquire(1, c.Ref), c.Ref);
        _rlock.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        b.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        Assert.Equal(1, StateSeenBy(a, 2).Waiting);

        _rlock.Tell(new RLockProtocol.Release(3, a.Ref), a.Ref);
        c.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
        b.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Cancel_AfterGrant_ChangesNothing()
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        a.ExpectNoMsg(Quiet);
        var state = StateSeenBy(a, 2);
        Assert.Equal((a.Ref, 1), (state.Owner, state.Depth));
    }

    [Fact]
    public void OwnerDeath_HoldingDepthThree_GrantsNextWaiterWithDepthOne()
    {
        var owner = CreateTestProbe();
        var waiter = CreateTestProbe();
        for (var id = 1; id <= 3; id++)
        {
            _rlock.Tell(new RLockProtocol.Acquire(id, owner.Ref), owner.Ref);
            owner.ExpectMsg(new RLockProtocol.Acquired(id, id, 1));
        }

        _rlock.Tell(new RLockProtocol.Acquire(1, waiter.Ref), waiter.Ref);
        waiter.ExpectNoMsg(Quiet);
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);

        waiter.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
        var state = StateSeenBy(waiter, 2);
        Assert.Equal((waiter.Ref, 1, 0), (state.Owner, state.Depth, state.Waiting));
        _rlock.Tell(new RLockProtocol.Release(3, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg(new RLockProtocol.Released(3, 0));
    }

    [Fact]
    public void OwnerDeath_WhileWaiting_DropsItsWaitAndNextWaiterIsGranted()
    {
        var (holder, doomed, next) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var replyTo = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(1, doomed.Ref), replyTo.Ref);
        _rlock.Tell(new RLockProtocol.Acquire(1, next.Ref), next.Ref);
        Assert.Equal(2, StateSeenBy(holder, 2).Waiting);

        Sys.Stop(doomed.Ref);
        var rejected = replyTo.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.OwnerTerminated), (rejected.RequestId, rejected.Reason));
        Assert.Equal(1, StateSeenBy(holder, 3).Waiting);

        _rlock.Tell(new RLockProtocol.Release(4, holder.Ref), holder.Ref);
        next.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
        replyTo.ExpectNoMsg(Quiet);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Acquire_NegativeTimeout_IsRejectedAndCoordinatorKeepsWorking(int milliseconds)
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        Assert.False(StateSeenBy(a, 2).Locked);

        _rlock.Tell(new RLockProtocol.Acquire(3, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(3, 1, 1));
        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref, TimeSpan.FromMilliseconds(milliseconds)), b.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _rlock.Tell(new RLockProtocol.Acquire(4, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        var state = StateSeenBy(a, 5);
        Assert.Equal((a.Ref, 1, 0), (state.Owner, state.Depth, state.Waiting));
    }

    [Fact]
    public void Acquire_DuplicateWaitingRequestId_IsRejected()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(4, b.Ref), b.Ref);
        _rlock.Tell(new RLockProtocol.Acquire(4, b.Ref), b.Ref);
        Assert.Equal(RejectionReason.DuplicateRequest, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(1, StateSeenBy(a, 2).Waiting);
        _rlock.Tell(new RLockProtocol.Release(3, a.Ref), a.Ref);
        b.ExpectMsg(new RLockProtocol.Acquired(4, 1, 2));
    }

    [Fact]
    public void Stop_WithWaiters_AnswersThemCoordinatorStopped()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _rlock.Tell(new RLockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<RLockProtocol.Acquired>();
        _rlock.Tell(new RLockProtocol.Acquire(1, b.Ref), b.Ref);
        Assert.Equal(1, StateSeenBy(a, 2).Waiting);
        Sys.Stop(_rlock);
        var rejected = b.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.CoordinatorStopped), (rejected.RequestId, rejected.Reason));
    }

    private RLockProtocol.RLockState StateSeenBy(TestProbe probe, long requestId)
    {
        _rlock.Tell(new RLockProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<RLockProtocol.RLockState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
