using Actors.Lock;

namespace Actors.Tests.Lock;

/// <summary>
/// What only the lock coordinator does, driven by Tell from TestProbes: fencing tokens and releasing an unheld lock.
/// The acquire contract it shares with RLock and Semaphore runs in <see cref="LockAcquireContractTests"/>.
/// </summary>
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
}
