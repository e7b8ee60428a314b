using Actors.Diagnostics;
using Actors.Lock;
using Actors.Semaphore;

namespace Actors.Tests.Diagnostics;

/// <summary>The fail-youngest-waiter policy: the youngest wait of a cycle fails with a DeadlockException, the others go on.</summary>
public sealed class DeadlockResolutionTests() : DeadlockTestKit("fail-youngest-waiter")
{
    [Fact]
    public async Task TwoLocks_YoungestWaitFails_TheOtherOwnerProceeds()
    {
        var (a, b) = (Owner("a"), Owner("b"));
        var l1 = ActorLock.Create(Sys, "l1");
        var l2 = ActorLock.Create(Sys, "l2");
        await l1.WithOwner(a.Ref).AcquireAsync();
        await l2.WithOwner(b.Ref).AcquireAsync();
        var aWaits = l2.WithOwner(a.Ref).AcquireAsync();
        await Waiters.AwaitAsync(this, l2, 1);
        var bWaits = l1.WithOwner(b.Ref).AcquireAsync();

        var report = ExpectDeadlock();

        Assert.Equal(DeadlockResolution.FailYoungestWaiter, report.Resolution);
        Assert.Equal("b", report.Victim?.OwnerName);
        Assert.Equal("  resolution: the wait of b for l1 fails with a DeadlockException", report.Describe()[^1]);
        var failure = await Assert.ThrowsAsync<DeadlockException>(() => bWaits.WaitAsync(Patience));
        Assert.Contains("deadlock: a -> l2 -> b -> l1 -> a", failure.Message);
        Assert.Equal(1, (await l1.GetStateAsync()).FencingToken);

        // b backs off: it releases what it holds, and a gets it.
        await l2.WithOwner(b.Ref).ReleaseAsync();
        await aWaits.WaitAsync(Patience);
        Assert.Equal(a.Ref, (await l2.GetStateAsync()).Holder);
        ExpectNoDeadlock();
    }

    [Fact]
    public async Task SelfDeadlock_TheSecondAcquireFails_TheLockStaysHeld()
    {
        var main = Owner("main");
        var mutex = ActorLock.Create(Sys, "lock").WithOwner(main.Ref);
        await mutex.AcquireAsync();

        await Assert.ThrowsAsync<DeadlockException>(() => mutex.AcquireAsync().WaitAsync(Patience));

        Assert.Equal("main", ExpectDeadlock().Victim?.OwnerName);
        var state = await mutex.GetStateAsync();
        Assert.Equal((true, main.Ref, 0), (state.Locked, state.Holder, state.Waiting));
        await mutex.ReleaseAsync();
    }

    [Fact]
    public async Task SemaphoreCycle_YoungestWaitFails_TheOtherProceeds()
    {
        var (a, b) = (Owner("a"), Owner("b"));
        var gate = ActorSemaphore.CreateBounded(Sys, 1, "gate");
        var mutex = ActorLock.Create(Sys, "mutex");
        await gate.WithOwner(a.Ref).AcquireAsync();
        await mutex.WithOwner(b.Ref).AcquireAsync();
        var bWaits = gate.WithOwner(b.Ref).AcquireAsync();
        await Waiters.AwaitAsync(this, gate, 1);
        var aWaits = mutex.WithOwner(a.Ref).AcquireAsync();

        await Assert.ThrowsAsync<DeadlockException>(() => aWaits.WaitAsync(Patience));
        Assert.Equal("a", ExpectDeadlock().Victim?.OwnerName);

        await gate.WithOwner(a.Ref).ReleaseAsync();
        await bWaits.WaitAsync(Patience);
    }
}
