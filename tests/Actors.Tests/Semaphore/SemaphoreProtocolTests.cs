using Actors.Coordination;
using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// The semaphore coordinator (Semaphore and BoundedSemaphore) driven by Tell from TestProbes, the way an actor uses it.
/// Where the order of grants matters, every request is sent from one recorder probe (with distinct owners), so the
/// order in which the recorder receives the grants is the order in which the coordinator made them.
/// </summary>
public sealed class SemaphoreProtocolTests : CoordinatorTestKit
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(200);

    private IActorRef NewSemaphore(int initialValue, bool bounded = false) =>
        Sys.ActorOf(ActorSemaphore.Props(initialValue, bounded));

    private SemaphoreProtocol.SemaphoreState StateOf(IActorRef semaphore)
    {
        var asker = CreateTestProbe();
        semaphore.Tell(new SemaphoreProtocol.GetState(999), asker.Ref);
        return asker.ExpectMsg<SemaphoreProtocol.SemaphoreState>();
    }

    private static void AssertState(SemaphoreProtocol.SemaphoreState state, int value, int heldByOwners, int waiting)
    {
        Assert.Equal((value, heldByOwners, waiting), (state.Value, state.HeldByOwners, state.Waiting));
    }

    private static void Acquire(IActorRef semaphore, TestProbe owner, long requestId, TimeSpan? timeout = null) =>
        semaphore.Tell(new SemaphoreProtocol.Acquire(requestId, owner.Ref, timeout), owner.Ref);

    private static void AcquireNow(IActorRef semaphore, TestProbe owner, long requestId)
    {
        Acquire(semaphore, owner, requestId);
        owner.ExpectMsg(new SemaphoreProtocol.Acquired(requestId));
    }

    /// <summary>
    /// Queues a waiting request for <paramref name="owner"/> whose reply goes to a separate probe. When the owner dies,
    /// the coordinator answers that request OwnerTerminated in the same message handling in which it returns the
    /// owner's permits, so receiving that answer proves the coordinator has processed the death.
    /// </summary>
    private TestProbe WaitAsSentinel(IActorRef semaphore, TestProbe owner)
    {
        var sentinel = CreateTestProbe();
        semaphore.Tell(new SemaphoreProtocol.Acquire(9_999, owner.Ref), sentinel.Ref);
        sentinel.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        return sentinel;
    }

    private void StopAndAwaitCoordinatorNoticed(TestProbe owner, TestProbe sentinel)
    {
        Sys.Stop(owner.Ref);
        var rejected = sentinel.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((9_999L, RejectionReason.OwnerTerminated), (rejected.RequestId, rejected.Reason));
    }

    // ---- grants and waiting -------------------------------------------------------------------------------------

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
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_NoPermitFree_WaitsUntilRelease()
    {
        var sem = NewSemaphore(1);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 1);
        b.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 1);

        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        b.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void Acquire_ZeroInitialValue_WaitsForTheFirstRelease()
    {
        var sem = NewSemaphore(0);
        var (a, releaser) = (CreateTestProbe(), CreateTestProbe());
        Acquire(sem, a, 1);
        a.ExpectNoMsg(Silence);
        sem.Tell(new SemaphoreProtocol.Release(2, ActorRefs.Nobody), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
    }

    [Fact]
    public void Release_CountThreeWithFiveWaiters_WakesTheFirstThreeInOrderAndLeavesTwoWaiting()
    {
        var sem = NewSemaphore(0);
        var recorder = CreateTestProbe();
        var owners = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < owners.Count; i++)
            sem.Tell(new SemaphoreProtocol.Acquire(i + 1, owners[i].Ref), recorder.Ref);
        recorder.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 5);

        var releaser = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Release(10, ActorRefs.Nobody, Count: 3), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(10, 0));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(2));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(3));
        recorder.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 2);

        sem.Tell(new SemaphoreProtocol.Release(11, ActorRefs.Nobody, Count: 2), releaser.Ref);
        releaser.ExpectMsg(new SemaphoreProtocol.Released(11, 0));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(4));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(5));
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
        recorder.ExpectNoMsg(Silence);

        sem.Tell(new SemaphoreProtocol.Release(3, ActorRefs.Nobody, Count: 5), TestActor);
        ExpectMsg(new SemaphoreProtocol.Released(3, 3));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(2));
        AssertState(StateOf(sem), value: 3, heldByOwners: 2, waiting: 0);
    }

    [Fact]
    public void Waiters_ReleasedOneAtATime_AreGrantedInArrivalOrder()
    {
        var sem = NewSemaphore(1);
        var holder = CreateTestProbe();
        AcquireNow(sem, holder, 1);
        var recorder = CreateTestProbe();
        var owners = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < owners.Count; i++)
            sem.Tell(new SemaphoreProtocol.Acquire(100 + i, owners[i].Ref), recorder.Ref);

        sem.Tell(new SemaphoreProtocol.Release(2, holder.Ref), holder.Ref);
        holder.ExpectMsg<SemaphoreProtocol.Released>();
        for (var i = 0; i < owners.Count; i++)
        {
            recorder.ExpectMsg(new SemaphoreProtocol.Acquired(100 + i));
            recorder.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
            sem.Tell(new SemaphoreProtocol.Release(200 + i, owners[i].Ref), owners[i].Ref);
            var valueAfter = i == owners.Count - 1 ? 1 : 0; // the last release finds nobody waiting
            owners[i].ExpectMsg(new SemaphoreProtocol.Released(200 + i, valueAfter));
        }

        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    // ---- zero and timed acquires --------------------------------------------------------------------------------

    [Fact]
    public void Acquire_ZeroTimeoutPermitFree_Grants()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, TimeSpan.Zero);
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void Acquire_ZeroTimeoutNoPermitFree_AnswersNotAcquiredAtOnceAndNeverWaits()
    {
        var sem = NewSemaphore(1);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 7, TimeSpan.Zero);
        b.ExpectMsg(new SemaphoreProtocol.NotAcquired(7));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);

        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 1));
        b.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_TimedNoPermitFree_CoordinatorAnswersNotAcquiredAndNeverGrantsLater()
    {
        var sem = NewSemaphore(1);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 5, TimeSpan.FromMilliseconds(100));
        b.ExpectMsg(new SemaphoreProtocol.NotAcquired(5), TimeSpan.FromSeconds(5));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);

        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 1));
        b.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_TimedWaiterExpired_NextWaiterGetsThePermit()
    {
        var sem = NewSemaphore(1);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 1, TimeSpan.FromMilliseconds(100));
        Acquire(sem, c, 1);
        b.ExpectMsg(new SemaphoreProtocol.NotAcquired(1), TimeSpan.FromSeconds(5));

        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        c.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        b.ExpectNoMsg(Silence);
    }

    [Fact]
    public void Acquire_InfiniteTimeSpan_WaitsForever()
    {
        var sem = NewSemaphore(0);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, Timeout.InfiniteTimeSpan);
        a.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 1);
        sem.Tell(new SemaphoreProtocol.Release(2, ActorRefs.Nobody), TestActor);
        ExpectMsg<SemaphoreProtocol.Released>();
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
    }

    [Fact]
    public void Acquire_TimedOneTickNoPermitFree_AnswersNotAcquired()
    {
        var sem = NewSemaphore(0);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, TimeSpan.FromTicks(1));
        a.ExpectMsg(new SemaphoreProtocol.NotAcquired(1), TimeSpan.FromSeconds(5));
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_TimedWaitersWithEarlierDeadlineQueuedLater_EachExpiresAtItsOwnDeadline()
    {
        var sem = NewSemaphore(0);
        var recorder = CreateTestProbe();
        var (late, early) = (CreateTestProbe(), CreateTestProbe());
        sem.Tell(new SemaphoreProtocol.Acquire(1, late.Ref, TimeSpan.FromMilliseconds(800)), recorder.Ref);
        sem.Tell(new SemaphoreProtocol.Acquire(2, early.Ref, TimeSpan.FromMilliseconds(100)), recorder.Ref);
        recorder.ExpectMsg(new SemaphoreProtocol.NotAcquired(2), TimeSpan.FromSeconds(5));
        recorder.ExpectMsg(new SemaphoreProtocol.NotAcquired(1), TimeSpan.FromSeconds(5));
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_TimedWaiterGrantedBeforeItsDeadline_GetsNoNotAcquiredLater()
    {
        var sem = NewSemaphore(0);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, TimeSpan.FromMilliseconds(300));
        sem.Tell(new SemaphoreProtocol.Release(2, ActorRefs.Nobody), TestActor);
        ExpectMsg<SemaphoreProtocol.Released>();
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(600));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
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

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L, // one tick below zero, but not Timeout.InfiniteTimeSpan (-1 ms)
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.FromSeconds(-1).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public void Acquire_NegativeTimeout_IsRejectedInvalidArgumentAndStateUnchanged(long ticks)
    {
        var sem = NewSemaphore(0);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, TimeSpan.FromTicks(ticks));
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_NegativeTimeoutWithPermitFree_IsRejectedAndTakesNoPermit()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        Acquire(sem, a, 1, TimeSpan.FromMilliseconds(-5));
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
        AcquireNow(sem, a, 2);
    }

    // ---- cancel -------------------------------------------------------------------------------------------------

    [Fact]
    public void Cancel_Waiting_AnswersCancelledAndThePermitGoesToTheNextWaiter()
    {
        var sem = NewSemaphore(1);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(sem, a, 1);
        Acquire(sem, b, 1);
        Acquire(sem, c, 1);
        sem.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        b.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 1);

        sem.Tell(new SemaphoreProtocol.Release(2, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        c.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        b.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void Cancel_AfterGrant_ChangesNothing()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        AcquireNow(sem, a, 1);
        sem.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 0);
    }

    [Fact]
    public void Cancel_NamingAnotherOwner_LeavesTheWaiterWaiting()
    {
        var sem = NewSemaphore(0);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        Acquire(sem, a, 1);
        sem.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 1);
        sem.Tell(new SemaphoreProtocol.Release(2, ActorRefs.Nobody), TestActor);
        ExpectMsg<SemaphoreProtocol.Released>();
        a.ExpectMsg(new SemaphoreProtocol.Acquired(1));
    }

    // ---- release: bounded, unbounded, bad counts -----------------------------------------------------------------

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
        b.ExpectMsg(new SemaphoreProtocol.Acquired(1));
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
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        sem.Tell(new SemaphoreProtocol.Release(3, a.Ref, count), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((3L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        b.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        AssertState(StateOf(sem), value: 0, heldByOwners: 2, waiting: 1);

        // The coordinator still works: a real release wakes the waiter.
        sem.Tell(new SemaphoreProtocol.Release(4, a.Ref), a.Ref);
        a.ExpectMsg(new SemaphoreProtocol.Released(4, 0));
        b.ExpectMsg(new SemaphoreProtocol.Acquired(1));
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

    [Fact]
    public void Acquire_NullOwner_IsRejectedAndStateUnchanged()
    {
        var sem = NewSemaphore(1);
        var a = CreateTestProbe();
        sem.Tell(new SemaphoreProtocol.Acquire(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public void Acquire_DuplicateWaitingRequestId_IsRejectedAndTheFirstStillWaits()
    {
        var sem = NewSemaphore(0);
        var b = CreateTestProbe();
        Acquire(sem, b, 4);
        Acquire(sem, b, 4);
        Assert.Equal(RejectionReason.DuplicateRequest, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        AssertState(StateOf(sem), value: 0, heldByOwners: 0, waiting: 1);
        sem.Tell(new SemaphoreProtocol.Release(5, ActorRefs.Nobody), TestActor);
        ExpectMsg<SemaphoreProtocol.Released>();
        b.ExpectMsg(new SemaphoreProtocol.Acquired(4));
        b.ExpectNoMsg(Silence);
    }

    // ---- owners -------------------------------------------------------------------------------------------------

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
        recorder.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 4);

        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(2));
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(3));
        recorder.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 1);
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
        waiter.ExpectMsg(new SemaphoreProtocol.Acquired(1), TimeSpan.FromSeconds(10));
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
        AwaitAssert(() => AssertState(StateOf(sem), value: 3, heldByOwners: 0, waiting: 0), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void OwnerDeath_WhileWaiting_DropsItsWaitAndTheNextWaiterIsGranted()
    {
        var sem = NewSemaphore(1);
        var (holder, doomed, next) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var replyTo = CreateTestProbe();
        AcquireNow(sem, holder, 1);
        sem.Tell(new SemaphoreProtocol.Acquire(7, doomed.Ref), replyTo.Ref);
        Acquire(sem, next, 1);
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 2);

        Watch(doomed.Ref);
        Sys.Stop(doomed.Ref);
        ExpectTerminated(doomed.Ref);
        var rejected = replyTo.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((7L, RejectionReason.OwnerTerminated), (rejected.RequestId, rejected.Reason));
        AssertState(StateOf(sem), value: 0, heldByOwners: 1, waiting: 1);

        sem.Tell(new SemaphoreProtocol.Release(2, holder.Ref), holder.Ref);
        holder.ExpectMsg(new SemaphoreProtocol.Released(2, 0));
        next.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        replyTo.ExpectNoMsg(Silence);
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
        recorder.ExpectMsg(new SemaphoreProtocol.Acquired(1));
        recorder.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 1);
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
        waiter.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 3, waiting: 1);
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
        waiter.ExpectNoMsg(Silence);
        AssertState(StateOf(sem), value: 0, heldByOwners: 2, waiting: 1);
    }

    // ---- stop ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Stop_AnswersWaitersCoordinatorStopped()
    {
        var sem = NewSemaphore(0);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        Acquire(sem, a, 1);
        Acquire(sem, b, 2);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Sys.Stop(sem);
        var ra = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        var rb = b.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.CoordinatorStopped), (ra.RequestId, ra.Reason));
        Assert.Equal((2L, RejectionReason.CoordinatorStopped), (rb.RequestId, rb.Reason));
    }
}
