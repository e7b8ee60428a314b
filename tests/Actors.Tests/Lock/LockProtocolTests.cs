using Actors.Lock;

namespace Actors.Tests.Lock;

/// <summary>The lock coordinator driven by Tell from TestProbes, the way an actor uses it.</summary>
public sealed class LockProtocolTests : CoordinatorTestKit
{
    private readonly IActorRef _lock;

    public LockProtocolTests() => _lock = Sys.ActorOf(ActorLock.Props());

    [Fact]
    public void Acquire_Free_GrantsWithIncreasingFencingTokens()
    {
        var a = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg(new LockProtocol.Acquired(1, 1));
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        a.ExpectMsg(new LockProtocol.Released(2));
        _lock.Tell(new LockProtocol.Acquire(3, a.Ref), a.Ref);
        a.ExpectMsg(new LockProtocol.Acquired(3, 2));
    }

    [Fact]
    public void Acquire_Held_WaitsUntilRelease()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(1, b.Ref), b.Ref);
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        a.ExpectMsg(new LockProtocol.Released(2));
        b.ExpectMsg(new LockProtocol.Acquired(1, 2));
    }

    [Fact]
    public void Acquire_HeldWithZeroTimeout_AnswersNotAcquiredAtOnce()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(7, b.Ref, TimeSpan.Zero), b.Ref);
        b.ExpectMsg(new LockProtocol.NotAcquired(7));
        _lock.Tell(new LockProtocol.GetState(8), b.Ref);
        Assert.Equal(0, b.ExpectMsg<LockProtocol.LockState>().Waiting);
    }

    [Fact]
    public void Acquire_HeldWithTimeout_CoordinatorAnswersNotAcquiredAndNeverGrantsLater()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(5, b.Ref, TimeSpan.FromMilliseconds(100)), b.Ref);
        b.ExpectMsg(new LockProtocol.NotAcquired(5), TimeSpan.FromSeconds(5));
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        a.ExpectMsg<LockProtocol.Released>();
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _lock.Tell(new LockProtocol.GetState(3), a.Ref);
        Assert.False(a.ExpectMsg<LockProtocol.LockState>().Locked);
    }

    [Fact]
    public void Waiters_AreGrantedInArrivalOrder()
    {
        var holder = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, holder.Ref), holder.Ref);
        holder.ExpectMsg<LockProtocol.Acquired>();
        var waiters = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToList();
        foreach (var w in waiters) _lock.Tell(new LockProtocol.Acquire(1, w.Ref), w.Ref);
        _lock.Tell(new LockProtocol.Release(2), holder.Ref);
        foreach (var w in waiters)
        {
            w.ExpectMsg<LockProtocol.Acquired>();
            _lock.Tell(new LockProtocol.Release(2), w.Ref);
            w.ExpectMsg<LockProtocol.Released>();
        }
    }

    [Fact]
    public void Release_Unlocked_IsRejectedAsNotHeld()
    {
        var a = CreateTestProbe();
        _lock.Tell(new LockProtocol.Release(9), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((9L, RejectionReason.NotHeld), (rejected.RequestId, rejected.Reason));
    }

    [Fact]
    public void Release_WithStaleFencingToken_IsRejectedAndLeavesNewHolder()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        var first = a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Release(2, first.FencingToken), a.Ref);
        a.ExpectMsg<LockProtocol.Released>();
        _lock.Tell(new LockProtocol.Acquire(1, b.Ref), b.Ref);
        b.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Release(3, first.FencingToken), a.Ref);
        Assert.Equal(RejectionReason.NotHeld, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new LockProtocol.GetState(4), a.Ref);
        Assert.Equal(b.Ref, a.ExpectMsg<LockProtocol.LockState>().Holder);
    }

    [Fact]
    public void Cancel_Waiting_AnswersCancelledAndSkipsTheWaiter()
    {
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(1, b.Ref), b.Ref);
        _lock.Tell(new LockProtocol.Acquire(1, c.Ref), c.Ref);
        _lock.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        b.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        c.ExpectMsg<LockProtocol.Acquired>();
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Cancel_AfterGrant_ChangesNothing()
    {
        var a = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _lock.Tell(new LockProtocol.GetState(2), a.Ref);
        Assert.Equal(a.Ref, a.ExpectMsg<LockProtocol.LockState>().Holder);
    }

    [Fact]
    public void OwnerDeath_ReleasesTheLockAndDropsItsWaits()
    {
        var owner = CreateTestProbe();
        var waiter = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, owner.Ref), owner.Ref);
        owner.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(1, waiter.Ref), waiter.Ref);
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        waiter.ExpectMsg<LockProtocol.Acquired>();
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Acquire_NegativeTimeout_IsRejectedAndStateUnchanged(int milliseconds)
    {
        var a = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new LockProtocol.Acquire(2, a.Ref), a.Ref);
        a.ExpectMsg(new LockProtocol.Acquired(2, 1));
    }

    [Fact]
    public void Acquire_InfiniteTimeSpan_WaitsForever()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(1, b.Ref, Timeout.InfiniteTimeSpan), b.Ref);
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        b.ExpectMsg<LockProtocol.Acquired>();
    }

    [Fact]
    public void Acquire_DuplicateWaitingRequestId_IsRejected()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(4, b.Ref), b.Ref);
        _lock.Tell(new LockProtocol.Acquire(4, b.Ref), b.Ref);
        Assert.Equal(RejectionReason.DuplicateRequest, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        _lock.Tell(new LockProtocol.Release(2), a.Ref);
        b.ExpectMsg(new LockProtocol.Acquired(4, 2));
    }

    [Fact]
    public void Acquire_NullOwner_IsRejected()
    {
        var a = CreateTestProbe();
        _lock.Tell(new LockProtocol.Acquire(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
    }

    [Fact]
    public void Stop_AnswersWaitersCoordinatorStopped()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        _lock.Tell(new LockProtocol.Acquire(1, a.Ref), a.Ref);
        a.ExpectMsg<LockProtocol.Acquired>();
        _lock.Tell(new LockProtocol.Acquire(1, b.Ref), b.Ref);
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Sys.Stop(_lock);
        Assert.Equal(RejectionReason.CoordinatorStopped, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
    }
}
