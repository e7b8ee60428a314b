using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// Permits counted per owner: what an owner's release debits and what its death returns.
/// </summary>
public sealed class SemaphoreOwnerProtocolTests : SemaphoreProtocolTestKit
{
    /// <summary>
    /// Queues a waiting request for <paramref name="owner"/> whose reply goes to a separate probe. When the owner dies,
    /// the coordinator answers that request OwnerTerminated in the same message handling in which it returns the
    /// owner's permits, so receiving that answer proves the coordinator has processed the death.
    /// </summary>
    private TestProbe WaitAsSentinel(IActorRef semaphore, TestProbe owner)
    {
        var sentinel = CreateTestProbe();
        semaphore.Tell(new SemaphoreProtocol.Acquire(9_999, owner.Ref), sentinel.Ref);
        Assert.NotEqual(0, StateSeenBy(semaphore, sentinel).Waiting); // queued, not answered
        return sentinel;
    }

    private void StopAndAwaitCoordinatorNoticed(TestProbe owner, TestProbe sentinel)
    {
        Sys.Stop(owner.Ref);
        var rejected = sentinel.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((9_999L, RejectionReason.OwnerTerminated), (rejected.RequestId, rejected.Reason));
    }

    [Fact]
    public void OwnerDeath_HoldingThreePermits_PermitsGoToTheNextThreeWaiters()
    {
        var sem = NewSemaphore(3);
        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        AcquireNow(sem, owner, 2);
        AcquireNow(sem, owner, 3);

        var recorder = CreateTestProbe();
        var waiters = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < waiters.Count; i++)
            sem.Tell(new SemaphoreProtocol.Acquire(i + 1, waiters[i].Ref), recorder.Ref);
                AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 3, waiting: 4);

        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 2);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 3);
                AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 3, waiting: 1);
    }

    [Fact]
    public void OwnerDeath_AfterManyOtherOwnersCameAndWent_StillReturnsItsPermits()
    {
        // More owners than the coordinator keeps watched while idle, so that it unwatches some of them on the way.
        var sem = NewSemaphore(1);
        for (var i = 0; i < 300; i++)
        {
            var passer = CreateTestProbe();
            AcquireNow(sem, passer, 1);
            sem.Tell(new SemaphoreProtocol.Release(2, passer.Ref), passer.Ref);
            passer.ExpectMsg(new SemaphoreProtocol.Released(2, 1));
        }

        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        var waiter = CreateTestProbe();
        Acquire(sem, waiter, 1);
        Sys.Stop(owner.Ref);
        waiter.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1, TestTimes.Settle);
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void OwnerDeath_NoWaiters_PermitsBecomeFree()
    {
        var sem = NewSemaphore(3, bounded: true);
        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        AcquireNow(sem, owner, 2);
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        AwaitAssert(() => AssertState(StateOf(sem), value: 3, heldByOwners: 0, waiting: 0), TestTimes.Settle);
    }

    [Fact]
    public void Release_ByOwnerHoldingPermits_IsDebitedSoItsDeathDoesNotReturnThemTwice()
    {
        var sem = NewSemaphore(3);
        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        AcquireNow(sem, owner, 2);
        AcquireNow(sem, owner, 3);
        sem.Tell(new SemaphoreProtocol.Release(4, owner.Ref, Count: 2), owner.Ref);
        owner.ExpectMsg(new SemaphoreProtocol.Released(4, 2));
        AssertState(StateOf(sem), value: 2, heldByOwners: 1, waiting: 0);

        var other = CreateTestProbe();
        AcquireNow(sem, other, 1);
        AcquireNow(sem, other, 2);
        var recorder = CreateTestProbe();
        var (w1, w2) = (CreateTestProbe(), CreateTestProbe());
        sem.Tell(new SemaphoreProtocol.Acquire(1, w1.Ref), recorder.Ref);
        sem.Tell(new SemaphoreProtocol.Acquire(2, w2.Ref), recorder.Ref);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 2);

        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        // The owner still held one permit: exactly one waiter is woken, not three permits' worth.
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
                AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 3, waiting: 1);
    }

    [Fact]
    public void Release_ByOwnerAboveItsHolding_DebitsOnlyWhatItHeldAndItsDeathReturnsNothing()
    {
        var sem = NewSemaphore(1);
        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        sem.Tell(new SemaphoreProtocol.Release(2, owner.Ref, Count: 3), owner.Ref);
        owner.ExpectMsg(new SemaphoreProtocol.Released(2, 3));
        AssertState(StateOf(sem), value: 3, heldByOwners: 0, waiting: 0);

        var other = CreateTestProbe();
        AcquireNow(sem, other, 1);
        AcquireNow(sem, other, 2);
        AcquireNow(sem, other, 3);
        var sentinel = WaitAsSentinel(sem, owner);
        var waiter = CreateTestProbe();
        Acquire(sem, waiter, 1);

        StopAndAwaitCoordinatorNoticed(owner, sentinel);
                AssertState(StateSeenBy(sem, waiter), value: 0, heldByOwners: 3, waiting: 1);
    }

    [Fact]
    public void OwnerDeath_AfterReleasingEverything_ReturnsNothing()
    {
        var sem = NewSemaphore(2, bounded: true);
        var owner = CreateTestProbe();
        AcquireNow(sem, owner, 1);
        AcquireNow(sem, owner, 2);
        sem.Tell(new SemaphoreProtocol.Release(3, owner.Ref, Count: 2), owner.Ref);
        owner.ExpectMsg(new SemaphoreProtocol.Released(3, 2));

        var other = CreateTestProbe();
        AcquireNow(sem, other, 1);
        AcquireNow(sem, other, 2);
        var sentinel = WaitAsSentinel(sem, owner);
        var waiter = CreateTestProbe();
        Acquire(sem, waiter, 1);

        StopAndAwaitCoordinatorNoticed(owner, sentinel);
                AssertState(StateSeenBy(sem, waiter), value: 0, heldByOwners: 2, waiting: 1);
    }
}
