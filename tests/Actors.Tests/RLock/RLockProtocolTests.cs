using Actors.RLock;

namespace Actors.Tests.RLock;

/// <summary>
/// What only the re-entrant lock coordinator does, driven by Tell from TestProbes: depth, ownership and fencing
/// tokens across re-entry. The acquire contract it shares with Lock and Semaphore runs in
/// <see cref="RLockAcquireContractTests"/>.
/// </summary>
public sealed class RLockProtocolTests : CoordinatorTestKit
{
    private readonly IActorRef _rlock;

    public RLockProtocolTests() => _rlock = Sys.ActorOf(ActorRLock.Props());

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
        Assert.Equal(1, StateSeenBy(b, 3).Waiting); // b's next message: it was not granted
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
        Assert.Equal(1, StateSeenBy(b, 40).Waiting); // b's next message: it was not granted
        _rlock.Tell(new RLockProtocol.Release(5, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Released(5, 1));
        var held = StateSeenBy(b, 6);
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
        Assert.Equal((owner.Ref, 3, 1), StateOwnerDepthWaiting(StateSeenBy(waiter, 10))); // not granted yet
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);

        waiter.ExpectMsg(new RLockProtocol.Acquired(1, 1, 2));
        var state = StateSeenBy(waiter, 2);
        Assert.Equal((waiter.Ref, 1, 0), (state.Owner, state.Depth, state.Waiting));
        _rlock.Tell(new RLockProtocol.Release(3, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg(new RLockProtocol.Released(3, 0));
    }

    /// <summary>A negative timeout is rejected even where the owner's re-entry would be granted at once.</summary>
    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Acquire_NegativeTimeoutByHolder_IsRejectedAndDepthUnchanged(int milliseconds)
    {
        var a = CreateTestProbe();
        _rlock.Tell(new RLockProtocol.Acquire(3, a.Ref), a.Ref);
        a.ExpectMsg(new RLockProtocol.Acquired(3, 1, 1));
        _rlock.Tell(new RLockProtocol.Acquire(4, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((4L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        var state = StateSeenBy(a, 5);
        Assert.Equal((a.Ref, 1, 0), (state.Owner, state.Depth, state.Waiting));
    }

    private static (IActorRef?, int, int) StateOwnerDepthWaiting(RLockProtocol.RLockState state) =>
        (state.Owner, state.Depth, state.Waiting);

    private RLockProtocol.RLockState StateSeenBy(TestProbe probe, long requestId)
    {
        _rlock.Tell(new RLockProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<RLockProtocol.RLockState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
