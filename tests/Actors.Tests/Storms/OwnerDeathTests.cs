using Actors.Lock;
using Actors.RLock;
using Actors.Semaphore;

namespace Actors.Tests.Storms;

/// <summary>An owner that terminates gives back everything it held, across primitives, and its waits are dropped.</summary>
public sealed class OwnerDeathTests : CoordinatorTestKit
{
    [Fact]
    public void Owner_HoldingLockRLockDepth3And3Permits_Stopped_NextWaitersGetEverything()
    {
        var lockRef = Sys.ActorOf(ActorLock.Props());
        var rlockRef = Sys.ActorOf(ActorRLock.Props());
        var semaphoreRef = Sys.ActorOf(ActorSemaphore.Props(3, bounded: true));
        var owner = CreateTestProbe();

        lockRef.Tell(new LockProtocol.Acquire(1, owner.Ref), owner.Ref);
        owner.ExpectMsg<LockProtocol.Acquired>();
        for (var depth = 1; depth <= 3; depth++)
        {
            rlockRef.Tell(new RLockProtocol.Acquire(depth, owner.Ref), owner.Ref);
            Assert.Equal(depth, owner.ExpectMsg<RLockProtocol.Acquired>().Depth);
        }

        for (var permit = 1; permit <= 3; permit++)
        {
            semaphoreRef.Tell(new SemaphoreProtocol.Acquire(permit, owner.Ref), owner.Ref);
            owner.ExpectMsg<SemaphoreProtocol.Acquired>();
        }

        var lockWaiter = CreateTestProbe();
        var rlockWaiter = CreateTestProbe();
        var permitWaiters = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToList();
        lockRef.Tell(new LockProtocol.Acquire(1, lockWaiter.Ref), lockWaiter.Ref);
        rlockRef.Tell(new RLockProtocol.Acquire(1, rlockWaiter.Ref), rlockWaiter.Ref);
        foreach (var w in permitWaiters) semaphoreRef.Tell(new SemaphoreProtocol.Acquire(1, w.Ref), w.Ref);
        // Each waiter's next message is the state: none was granted while the owner lived.
        lockRef.Tell(new LockProtocol.GetState(2), lockWaiter.Ref);
        Assert.Equal(1, lockWaiter.ExpectMsg<LockProtocol.LockState>().Waiting);
        rlockRef.Tell(new RLockProtocol.GetState(2), rlockWaiter.Ref);
        Assert.Equal(1, rlockWaiter.ExpectMsg<RLockProtocol.RLockState>().Waiting);

        // The owner also waits for something when it dies: that wait must simply vanish.
        semaphoreRef.Tell(new SemaphoreProtocol.Acquire(99, owner.Ref), owner.Ref);

        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);

        lockWaiter.ExpectMsg<LockProtocol.Acquired>();
        Assert.Equal(1, rlockWaiter.ExpectMsg<RLockProtocol.Acquired>().Depth);
        foreach (var w in permitWaiters.Take(3)) w.ExpectMsg<SemaphoreProtocol.Acquired>();
        semaphoreRef.Tell(new SemaphoreProtocol.GetState(2), permitWaiters[3].Ref);
        Assert.Equal(1, permitWaiters[3].ExpectMsg<SemaphoreProtocol.SemaphoreState>().Waiting); // the fourth still waits

        var probe = CreateTestProbe();
        semaphoreRef.Tell(new SemaphoreProtocol.GetState(1), probe.Ref);
        var semaphore = probe.ExpectMsg<SemaphoreProtocol.SemaphoreState>();
        Assert.Equal((0, 3, 1), (semaphore.Value, semaphore.HeldByOwners, semaphore.Waiting));
        rlockRef.Tell(new RLockProtocol.GetState(1), probe.Ref);
        var rlock = probe.ExpectMsg<RLockProtocol.RLockState>();
        Assert.Equal((rlockWaiter.Ref, 1), (rlock.Owner, rlock.Depth));
    }
}
