using Actors.Diagnostics;
using Actors.Lock;
using Actors.RLock;
using Actors.Semaphore;

namespace Actors.Tests.Diagnostics;

/// <summary>The deadlock detector with its default policy: cycles are reported with who holds and waits for what.</summary>
public sealed class DeadlockDetectionTests : DeadlockTestKit
{
    [Fact]
    public async Task TwoLocks_OppositeOrder_ReportsTheCycle()
    {
        using var cancel = new CancellationTokenSource();
        var (a, b, aWaits, bWaits) = await CrossTwoLocksAsync(cancel.Token);

        var report = ExpectDeadlock();

        Assert.Equal(["a", "b"], report.Cycle.Select(p => p.OwnerName));
        Assert.Equal(("l2", "Lock"), (Of(report, a).WaitsFor.Name, Of(report, a).WaitsFor.Kind));
        Assert.Equal(["b"], Names(Of(report, a).WaitsForHeldBy));
        Assert.Equal(["l1"], Of(report, a).Holds.Select(p => p.Name));
        Assert.Equal("l1", Of(report, b).WaitsFor.Name);
        Assert.Equal(["a"], Names(Of(report, b).WaitsForHeldBy));
        Assert.Equal(["l2"], Of(report, b).Holds.Select(p => p.Name));
        Assert.Null(report.Victim);
        Assert.Equal("deadlock: a -> l2 -> b -> l1 -> a", report.Describe()[0]);
        Assert.Contains("  a holds l1 (Lock); waits for l2 (Lock), held by b", report.Describe());

        // Report only: nobody was failed; cancelling frees both waits.
        Assert.False(aWaits.IsCompleted || bWaits.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aWaits);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bWaits);
        ExpectNoDeadlock();
    }

    [Fact]
    public async Task ThreeLocks_ThreeOwners_ReportsTheCycleInOrder()
    {
        var owners = new[] { Owner("o1"), Owner("o2"), Owner("o3") };
        var locks = new[] { ActorRLock.CreateCoordinator(Sys, "r1"), ActorRLock.CreateCoordinator(Sys, "r2"), ActorRLock.CreateCoordinator(Sys, "r3") };
        for (var i = 0; i < 3; i++) await new ActorRLock(locks[i], owners[i].Ref).AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var waits = Enumerable.Range(0, 3).Select(i => new ActorRLock(locks[(i + 1) % 3], owners[i].Ref).AcquireAsync(cancel.Token)).ToList();

        var report = ExpectDeadlock();

        Assert.Equal(["o1", "o2", "o3"], report.Cycle.Select(p => p.OwnerName));
        Assert.Equal(["r2", "r3", "r1"], report.Cycle.Select(p => p.WaitsFor.Name));
        Assert.All(report.Cycle, p => Assert.Equal("RLock", p.WaitsFor.Kind));
        Assert.Equal(["o2", "o3", "o1"], report.Cycle.Select(p => Assert.Single(p.WaitsForHeldBy).Path.Name));
        await cancel.CancelAsync();
        foreach (var wait in waits) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Lock_AcquiredTwiceByItsHolder_ReportsASelfDeadlock()
    {
        var main = Owner("main");
        var mutex = ActorLock.Create(Sys, "lock").WithOwner(main.Ref);
        await mutex.AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var second = mutex.AcquireAsync(cancel.Token);

        var report = ExpectDeadlock();

        var self = Assert.Single(report.Cycle);
        Assert.Equal(("main", "lock"), (self.OwnerName, self.WaitsFor.Name));
        Assert.Equal(["main"], Names(self.WaitsForHeldBy));
        Assert.Equal(["lock"], self.Holds.Select(p => p.Name));
        Assert.Equal("deadlock: main -> lock -> main", report.Describe()[0]);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await mutex.ReleaseAsync();
    }

    [Fact]
    public async Task RLock_AcquiredTwiceByItsHolder_IsNoDeadlock()
    {
        var main = Owner("main");
        var rlock = new ActorRLock(ActorRLock.CreateCoordinator(Sys, "rlock"), main.Ref);
        Assert.Equal(1, await rlock.AcquireAsync());
        Assert.Equal(2, await rlock.AcquireAsync());
        Assert.Equal(1, await rlock.ReleaseAsync());
        Assert.Equal(0, await rlock.ReleaseAsync());
        Assert.False(Sys.HasExtension<DeadlockDetection>(), "nobody waited, so nothing was reported");
    }

    [Fact]
    public async Task Semaphore_InACycleWithALock_ReportsTheCycle()
    {
        var (a, b) = (Owner("a"), Owner("b"));
        var gate = ActorSemaphore.CreateBounded(Sys, 1, "gate");
        var mutex = ActorLock.Create(Sys, "mutex");
        await gate.WithOwner(a.Ref).AcquireAsync();
        await mutex.WithOwner(b.Ref).AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var aWaits = mutex.WithOwner(a.Ref).AcquireAsync(cancel.Token);
        var bWaits = gate.WithOwner(b.Ref).AcquireAsync(cancel.Token);

        var report = ExpectDeadlock();

        Assert.Equal(("gate", "BoundedSemaphore"), (Of(report, b).WaitsFor.Name, Of(report, b).WaitsFor.Kind));
        Assert.Equal(["a"], Names(Of(report, b).WaitsForHeldBy));
        Assert.Equal(["gate"], Of(report, a).Holds.Select(p => p.Name));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aWaits);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bWaits);
    }

    [Fact]
    public async Task Semaphore_OneHolderStillFree_IsNoDeadlock()
    {
        // a and c hold the two permits; b waits for one while holding the lock a waits for. c is not waiting: its release
        // frees b, then b frees a. A cycle through a semaphore is a deadlock only if every holder is blocked.
        var (a, b, c) = (Owner("a"), Owner("b"), Owner("c"));
        var pool = ActorSemaphore.Create(Sys, 2, "pool");
        var mutex = ActorLock.Create(Sys, "mutex");
        await pool.WithOwner(a.Ref).AcquireAsync();
        await pool.WithOwner(c.Ref).AcquireAsync();
        await mutex.WithOwner(b.Ref).AcquireAsync();
        var aWaits = mutex.WithOwner(a.Ref).AcquireAsync();
        var bWaits = pool.WithOwner(b.Ref).AcquireAsync();

        ExpectNoDeadlock();

        await pool.WithOwner(c.Ref).ReleaseAsync();
        await bWaits.WaitAsync(Patience);
        await mutex.WithOwner(b.Ref).ReleaseAsync();
        await aWaits.WaitAsync(Patience);
    }

    [Fact]
    public async Task LongWait_HolderNotWaiting_IsNoDeadlock()
    {
        // A chain, not a cycle: c holds l2 and is busy (not waiting); b holds l1 and waits for l2; a waits for l1.
        var (a, b, c) = (Owner("a"), Owner("b"), Owner("c"));
        var l1 = ActorLock.Create(Sys, "l1");
        var l2 = ActorLock.Create(Sys, "l2");
        await l2.WithOwner(c.Ref).AcquireAsync();
        await l1.WithOwner(b.Ref).AcquireAsync();
        var bWaits = l2.WithOwner(b.Ref).AcquireAsync();
        var aWaits = l1.WithOwner(a.Ref).AcquireAsync();
        await Waiters.AwaitAsync(this, l1, 1);
        await Waiters.AwaitAsync(this, l2, 1);

        ExpectNoDeadlock();

        await l2.WithOwner(c.Ref).ReleaseAsync();
        await bWaits.WaitAsync(Patience);
        await l1.WithOwner(b.Ref).ReleaseAsync();
        await aWaits.WaitAsync(Patience);
        ExpectNoDeadlock();
    }

    [Fact]
    public async Task AnonymousOwners_CannotDeadlock()
    {
        var mutex = ActorLock.Create(Sys, "lock");
        await mutex.AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var second = mutex.AcquireAsync(cancel.Token);
        await Waiters.AwaitAsync(this, mutex, 1);

        ExpectNoDeadlock();
        Assert.False(Sys.HasExtension<DeadlockDetection>(), "anonymous waits are never reported");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public async Task UncontendedAcquireRelease_NamedOwner_SendsNothing()
    {
        var a = Owner("a");
        var mutex = ActorLock.Create(Sys, "lock").WithOwner(a.Ref);
        var gate = ActorSemaphore.CreateBounded(Sys, 2, "gate").WithOwner(a.Ref);
        for (var i = 0; i < 10; i++)
        {
            await mutex.AcquireAsync();
            await gate.AcquireAsync();
            await gate.ReleaseAsync();
            await mutex.ReleaseAsync();
        }

        Assert.False(Sys.HasExtension<DeadlockDetection>(), "no coordinator had anything to report");
    }

    [Fact]
    public async Task OwnerDies_InACycle_ItsLocksAreReleasedAndTheOtherProceeds()
    {
        var (a, b) = (Owner("a"), Owner("b"));
        var l1 = ActorLock.Create(Sys, "l1");
        var l2 = ActorLock.Create(Sys, "l2");
        await l1.WithOwner(a.Ref).AcquireAsync();
        await l2.WithOwner(b.Ref).AcquireAsync();
        var aWaits = l2.WithOwner(a.Ref).AcquireAsync();
        var bWaits = l1.WithOwner(b.Ref).AcquireAsync();
        ExpectDeadlock();

        await a.DisposeAsync();

        await bWaits.WaitAsync(Patience);
        await Assert.ThrowsAnyAsync<Exception>(() => aWaits);
        ExpectNoDeadlock();
    }
}
