using Actors.Coordination;
using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// What only the semaphore coordinator does: several permits, release counts, bounds and deadline timers.
/// </summary>
public sealed class SemaphoreProtocolTests : SemaphoreProtocolTestKit
{
    [Fact]
    public void Acquire_PermitsFree_GrantsEachAtOnceAndCountsThemHeld()
    {
        var sem = NewSemaphore(3);
        var a = CreateTestProbe();
        AcquireNow(sem, a, 1);
        AcquireNow(sem, a, 2);
        AcquireNow(sem, a, 3);
        var state = StateOf(sem);
        AssertState(state, value: 0, heldByOwners: 3, waiting: 0);
        Assert.Null(state.Bound);
    }

    [Fact]
    public void Acquire_AnonymousOwner_IsGrantedButNotCountedAsHeldByOwners()
    {
        var sem = NewSemaphore(2);
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Acquire(1, ActorRefs.Nobody), a.Ref);
        a.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_ZeroInitialValue_WaitsForTheFirstRelease()
    {
        var sem = NewSemaphore(0);
        var (a, releaser) = (CreateTestProbe(), CreateTestProbe());
        Acquire(sem, a, 1);
        AssertState(StateSeenBy(sem, a), value: 0, heldByOwners: 0, waiting: 1);
        sem.Tell(new SemaphoreProtocol.Release(2, ActorRefs.Nobody), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        a.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
    }

    [Fact]
    public void Release_CountThreeWithFiveWaiters_WakesTheFirstThreeInOrderAndLeavesTwoWaiting()
    {
        var sem = NewSemaphore(0);
        var recorder = CreateTestProbe();
        var owners = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < owners.Count; i++)
            sem.Tell(new SemaphoreProtocol.Acquire(i + 1, owners[i].Ref), recorder.Ref);
                AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 0, waiting: 5);

        var releaser = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Release(10, ActorRefs.Nobody, Count: 3), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(10, 0));
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 2);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 3);
                AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 3, waiting: 2);

        sem.Tell(new SemaphoreProtocol.Release(11, ActorRefs.Nobody, Count: 2), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(11, 0));
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 4);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 5);
        // The anonymous release of 2 came while all 3 permits out were held by named owners, so it was charged to
        // two of them (see SemaphoreReleaseAttributionTests): 1 + 2 newly granted = 3 recorded, never more than are out.
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 0);
    }

    [Fact]
    public void Release_CountAboveWaiters_GrantsAllWaitersAndKeepsTheRestFree()
    {
        var sem = NewSemaphore(0);
        var recorder = CreateTestProbe();
        var (o1, o2) = (CreateTestProbe(), CreateTestProbe());
        sem.Tell(new SemaphoreProtocol.Acquire(1, o1.Ref), recorder.Ref);
        sem.Tell(new SemaphoreProtocol.Acquire(2, o2.Ref), recorder.Ref);
        AssertState(StateSeenBy(sem, recorder), value: 0, heldByOwners: 0, waiting: 2);

        sem.Tell(new SemaphoreProtocol.Release(3, ActorRefs.Nobody, Count: 5), TestActor);
        ExpectMsg(new SemaphoreProtocol.Released(3, 3));
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        recorder.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 2);
        AssertState(StateOf(sem), value: 3, heldByOwners: 2, waiting: 0);
    }

    /// <summary>
    /// A waiting request with a finite timeout must arm the coordinator's deadline timer, however long the timeout.
    /// Waiting for a long timeout to pass is too slow for a unit test, so the coordinator runs as a TestActorRef
    /// (synchronously) and the test looks at its timers.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(24 * 60)]
    public void Acquire_TimedInMinutesNoPermitFree_ArmsTheCoordinatorsDeadlineTimer(int minutes)
    {
        var sem = ActorOfAsTestActorRef<CoordinatorActor>(ActorSemaphore.Props(0));
        var a = CreateTestProbe();
        Assert.Empty(sem.UnderlyingActor.Timers.ActiveTimers);
        // Anonymous, so that no deadlock-report timer is armed beside the deadline timer.
        sem.Tell(new SemaphoreProtocol.Acquire(1, ActorRefs.Nobody, TimeSpan.FromMinutes(minutes)), a.Ref);
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 1);
        Assert.Single(sem.UnderlyingActor.Timers.ActiveTimers);
    }

    [Fact]
    public void Acquire_InfiniteNoPermitFree_ArmsNoDeadlineTimer()
    {
        var sem = ActorOfAsTestActorRef<CoordinatorActor>(ActorSemaphore.Props(0));
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Acquire(1, ActorRefs.Nobody, Timeout.InfiniteTimeSpan), a.Ref);
        sem.Tell(new SemaphoreProtocol.Acquire(2, ActorRefs.Nobody), a.Ref);
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 2);
        Assert.Empty(sem.UnderlyingActor.Timers.ActiveTimers);
    }

    [Fact]
    public void Release_BoundedAtInitialValue_IsRejectedFullAndStateUnchanged()
    {
        var sem = NewSemaphore(2, bounded: true);
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Release(1, a.Ref), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.Full), (rejected.RequestId, rejected.Reason));
        var state = StateOf(sem);
        AssertState(state, value: 2, heldByOwners: 0, waiting: 0);
        Assert.Equal(2, state.Bound);
    }

    [Fact]
    public void Release_BoundedCountAboveWhatIsHeld_IsRejectedFullAndNothingIsDebited()
    {
        var sem = NewSemaphore(2, bounded: true);
        var a = CreateTestProbe();
        AcquireNow(sem, a, 1);
        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref, Count: 2), a.Ref);
        Assert.Equal(RejectionReason.Full, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 1, heldByOwners: 1, waiting: 0);

        sem.Tell(new SemaphoreProtocol.Release(3, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(3, 2));
        sem.Tell(new SemaphoreProtocol.Release(4, a.Ref), a.Ref);
        Assert.Equal(RejectionReason.Full, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 2, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Release_BoundedWithWaiter_HandsThePermitOverInsteadOfRaisingTheValue()
    {
        var sem = NewSemaphore(1, bounded: true);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 1);
        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        b.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
        sem.Tell(new SemaphoreProtocol.Release(2, b.Ref), b.Ref);
        b.ExpectMsg(new SemaphoreProtocol.Released(2, 1));
        sem.Tell(new SemaphoreProtocol.Release(3, b.Ref), b.Ref);
        Assert.Equal(RejectionReason.Full, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Release_CountBelowOne_IsRejectedInvalidArgumentAndStateUnchanged(int count)
    {
        var sem = NewSemaphore(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        AcquireNow(sem, a, 2);
        Acquire(sem, b, 1);
        AssertState(StateSeenBy(sem, b), value: 0, heldByOwners: 2, waiting: 1);

        sem.Tell(new SemaphoreProtocol.Release(3, a.Ref, count), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((3L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        AssertState(StateSeenBy(sem, b), value: 0, heldByOwners: 2, waiting: 1);

        // The coordinator still works: a real release wakes the waiter.
        sem.Tell(new SemaphoreProtocol.Release(4, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(4, 0));
        b.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Release_BoundedCountBelowOne_IsRejectedInvalidArgumentNotFull(int count)
    {
        var sem = NewSemaphore(1, bounded: true);
        var a = CreateTestProbe();
        AcquireNow(sem, a, 1);
        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref, count), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void Release_UnboundedAboveInitialValue_IsAllowedAndAddsPermits()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Release(1, ActorRefs.Nobody, Count: 2), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(1, 3));
        var state = StateOf(sem);
        AssertState(state, value: 3, heldByOwners: 0, waiting: 0);
        Assert.Null(state.Bound);

        AcquireNow(sem, a, 2);
        AcquireNow(sem, a, 3);
        AcquireNow(sem, a, 4);
        Acquire(sem, a, 5, TimeSpan.Zero);
        a.ExpectMsg(new SemaphoreProtocol.NotAcquired(5));
    }

    [Fact]
    public void Release_NullOwner_IsRejectedAndStateUnchanged()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Release(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }
}
