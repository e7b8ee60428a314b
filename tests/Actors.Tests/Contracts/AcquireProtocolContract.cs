namespace Actors.Tests.Contracts;

/// <summary>
/// The acquire contract that every lock-like coordinator keeps (Lock, RLock, Semaphore, BoundedSemaphore), driven by
/// Tell from TestProbes the way an actor uses it; each variant runs it (as System.Threading.Channels'
/// <c>ChannelTestBase</c> is run by every channel). A variant creates a coordinator with exactly one grant available
/// and maps the contract's steps to its own messages; what only one primitive does stays in its own test classes.
/// </summary>
/// <remarks>
/// This file is over 300 lines because it is one contract: splitting it would make each variant derive from several
/// bases. Absence is proven by order, not by silence: a probe asks for the state after the step whose effect must be
/// absent, and the state must be the next message it gets (the coordinator answers one sender in order, so a grant or
/// answer made before the query arrives before the state). <c>ExpectNoMsg</c> is kept only where a timer must not fire.
/// </remarks>
public abstract class AcquireProtocolContract : CoordinatorTestKit
{
    private long _queries = 1_000_000;

    protected AcquireProtocolContract() => Coordinator = Sys.ActorOf(OneGrantProps());

    /// <summary>The coordinator under test, with one grant available.</summary>
    protected IActorRef Coordinator { get; }

    /// <summary>Props of a coordinator with exactly one grant available (a lock, a semaphore of value 1).</summary>
    protected abstract Props OneGrantProps();

    /// <summary>The variant's acquire request.</summary>
    protected abstract object AcquireRequest(long requestId, IActorRef owner, TimeSpan? timeout = null);

    /// <summary>The variant's release of one grant held by <paramref name="owner"/>.</summary>
    protected abstract object ReleaseRequest(long requestId, IActorRef owner);

    /// <summary>The variant's state query.</summary>
    protected abstract object StateRequest(long requestId);

    /// <summary>The variant's answer to an acquire that was not granted in time.</summary>
    protected abstract object NotAcquiredReply(long requestId);

    /// <summary>
    /// Expects the grant of <paramref name="requestId"/> as <paramref name="probe"/>'s next message; it is the
    /// <paramref name="grant"/>-th fresh grant of the coordinator (the fencing token where the variant has one).
    /// </summary>
    protected abstract void ExpectAcquired(TestProbe probe, long requestId, long grant);

    /// <summary>
    /// Expects the answer to a release of the only grant as <paramref name="probe"/>'s next message;
    /// <paramref name="handedOver"/> says whether a waiter took it over (else it became free).
    /// </summary>
    protected abstract void ExpectReleased(TestProbe probe, long requestId, bool handedOver);

    /// <summary>Reads the variant's state reply, asserting what it alone knows (depth, bound).</summary>
    protected abstract AcquireState ReadState(object stateReply);

    // ---- grants and waiting -------------------------------------------------------------------------------------

    [Fact]
    public void Acquire_Free_GrantsAtOnceToTheOwner()
    {
        var a = CreateTestProbe();
        AcquireNow(a, 1, grant: 1);
        Assert.Equal(Coordinator, a.LastSender);
        AssertHeldBy(a, StateSeenBy(a), waiting: 0, grant: 1);
    }

    [Fact]
    public void Acquire_Held_WaitsUntilRelease()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1);
        AssertHeldBy(a, StateSeenBy(b), waiting: 1, grant: 1); // b's next message: it was not granted

        ReleaseNow(a, 2, handedOver: true);
        ExpectAcquired(b, 1, grant: 2);
        AssertHeldBy(b, StateSeenBy(b), waiting: 0, grant: 2);
    }

    [Fact]
    public void Acquire_InfiniteTimeSpan_WaitsUntilReleased()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1, timeout: Timeout.InfiniteTimeSpan);
        AssertHeldBy(a, StateSeenBy(b), waiting: 1, grant: 1);
        ReleaseNow(a, 2, handedOver: true);
        ExpectAcquired(b, 1, grant: 2);
    }

    [Fact]
    public void Waiters_AreGrantedInArrivalOrder()
    {
        // Every request is sent from one recorder (with distinct owners), so the order in which the recorder
        // receives the grants is the order in which the coordinator made them.
        var holder = CreateTestProbe();
        AcquireNow(holder, 1, grant: 1);
        var recorder = CreateTestProbe();
        var owners = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < owners.Count; i++) Acquire(recorder, 100 + i, owners[i].Ref);
        Assert.Equal(10, StateSeenBy(recorder).Waiting);

        ReleaseNow(holder, 2, handedOver: true);
        for (var i = 0; i < owners.Count; i++)
        {
            ExpectAcquired(recorder, 100 + i, grant: 2 + i);
            AssertHeldBy(owners[i], StateSeenBy(recorder), waiting: owners.Count - i - 1, grant: 2 + i);
            ReleaseNow(owners[i], 200 + i, handedOver: i < owners.Count - 1);
        }

        AssertFree(StateSeenBy(recorder), grants: 11);
    }

    // ---- zero and timed acquires --------------------------------------------------------------------------------

    [Fact]
    public void Acquire_ZeroTimeoutFree_Grants()
    {
        var a = CreateTestProbe();
        Acquire(a, 1, timeout: TimeSpan.Zero);
        ExpectAcquired(a, 1, grant: 1);
        AssertHeldBy(a, StateSeenBy(a), waiting: 0, grant: 1);
    }

    [Fact]
    public void Acquire_HeldWithZeroTimeout_AnswersNotAcquiredAtOnceAndNeverWaits()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 7, timeout: TimeSpan.Zero);
        b.ExpectMsg(NotAcquiredReply(7));
        AssertHeldBy(a, StateSeenBy(b), waiting: 0, grant: 1);

        ReleaseNow(a, 2, handedOver: false);
        AssertFree(StateSeenBy(b), grants: 1); // b's next message: the release did not grant it
    }

    [Fact]
    public void Acquire_HeldWithTimeout_CoordinatorAnswersNotAcquiredAndNeverGrantsLater()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 5, timeout: TimeSpan.FromMilliseconds(100));
        b.ExpectMsg(NotAcquiredReply(5), TestTimes.Settle);
        Assert.Equal(Coordinator, b.LastSender);
        AssertHeldBy(a, StateSeenBy(a), waiting: 0, grant: 1);

        ReleaseNow(a, 2, handedOver: false);
        AssertFree(StateSeenBy(b), grants: 1);
    }

    [Fact]
    public void Acquire_TimedOneTickHeld_AnswersNotAcquired()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 2, timeout: TimeSpan.FromTicks(1));
        b.ExpectMsg(NotAcquiredReply(2), TestTimes.Settle);
        AssertHeldBy(a, StateSeenBy(b), waiting: 0, grant: 1);
    }

    [Fact]
    public void Acquire_TimedWaiterExpired_NextWaiterIsGranted()
    {
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1, timeout: TimeSpan.FromMilliseconds(100));
        Acquire(c, 1);
        b.ExpectMsg(NotAcquiredReply(1), TestTimes.Settle);

        ReleaseNow(a, 2, handedOver: true);
        ExpectAcquired(c, 1, grant: 2);
        AssertHeldBy(c, StateSeenBy(b), waiting: 0, grant: 2);
    }

    [Fact]
    public void Acquire_TimedWaitersWithEarlierDeadlineQueuedLater_EachExpiresAtItsOwnDeadline()
    {
        var (holder, recorder) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(holder, 1, grant: 1);
        var (late, early) = (CreateTestProbe(), CreateTestProbe());
        Acquire(recorder, 1, late.Ref, TimeSpan.FromMilliseconds(800));
        Acquire(recorder, 2, early.Ref, TimeSpan.FromMilliseconds(100));
        recorder.ExpectMsg(NotAcquiredReply(2), TestTimes.Settle);
        recorder.ExpectMsg(NotAcquiredReply(1), TestTimes.Settle);
        AssertHeldBy(holder, StateSeenBy(recorder), waiting: 0, grant: 1);
    }

    [Fact]
    public void Acquire_TimedWaiterGrantedBeforeItsDeadline_GetsNoNotAcquiredLater()
    {
        var (holder, a) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(holder, 1, grant: 1);
        // One second leaves the release time to arrive first on a slow, shared machine.
        var timeout = TimeSpan.FromSeconds(1);
        var sent = System.Diagnostics.Stopwatch.StartNew();
        Acquire(a, 1, timeout: timeout);
        ReleaseNow(holder, 2, handedOver: true);
        ExpectAcquired(a, 1, grant: 2);
        // Kept: only waiting past the deadline shows that the expired deadline does not answer a granted request.
        var pastDeadline = timeout + TestTimes.Silence - sent.Elapsed;
        a.ExpectNoMsg(pastDeadline > TimeSpan.Zero ? pastDeadline : TimeSpan.Zero);
        AssertHeldBy(a, StateSeenBy(a), waiting: 0, grant: 2);
    }

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L, // one tick below zero, but not Timeout.InfiniteTimeSpan (-1 ms)
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.FromMilliseconds(-1000).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public void Acquire_NegativeTimeoutFree_IsRejectedAndTakesNothing(long ticks)
    {
        var a = CreateTestProbe();
        Acquire(a, 1, timeout: TimeSpan.FromTicks(ticks));
        AssertRejected(a, 1, RejectionReason.InvalidArgument);
        AssertFree(StateSeenBy(a), grants: 0);
        AcquireNow(a, 2, grant: 1);
    }

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public void Acquire_NegativeTimeoutHeld_IsRejectedAndDoesNotWait(long ticks)
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1, timeout: TimeSpan.FromTicks(ticks));
        AssertRejected(b, 1, RejectionReason.InvalidArgument);
        AssertHeldBy(a, StateSeenBy(b), waiting: 0, grant: 1);
    }

    // ---- bad requests -------------------------------------------------------------------------------------------

    [Fact]
    public void Acquire_NullOwner_IsRejectedAndStateUnchanged()
    {
        var a = CreateTestProbe();
        Coordinator.Tell(AcquireRequest(1, null!), a.Ref);
        AssertRejected(a, 1, RejectionReason.InvalidArgument);
        AssertFree(StateSeenBy(a), grants: 0);
    }

    [Fact]
    public void Acquire_DuplicateWaitingRequestId_IsRejectedAndTheFirstStillWaits()
    {
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 4);
        Acquire(b, 4);
        AssertRejected(b, 4, RejectionReason.DuplicateRequest);
        AssertHeldBy(a, StateSeenBy(b), waiting: 1, grant: 1);
        ReleaseNow(a, 2, handedOver: true);
        ExpectAcquired(b, 4, grant: 2);
        AssertHeldBy(b, StateSeenBy(b), waiting: 0, grant: 2); // and nothing more for b
    }

    // ---- cancel -------------------------------------------------------------------------------------------------

    [Fact]
    public void Cancel_Waiting_AnswersCancelledAndTheGrantGoesToTheNextWaiter()
    {
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1);
        Acquire(c, 1);
        Coordinator.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        b.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        AssertHeldBy(a, StateSeenBy(a), waiting: 1, grant: 1);

        ReleaseNow(a, 2, handedOver: true);
        ExpectAcquired(c, 1, grant: 2);
        AssertHeldBy(c, StateSeenBy(b), waiting: 0, grant: 2); // b's next message: it was skipped
    }

    [Fact]
    public void Cancel_AfterGrant_ChangesNothing()
    {
        var a = CreateTestProbe();
        AcquireNow(a, 1, grant: 1);
        Coordinator.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        AssertHeldBy(a, StateSeenBy(a), waiting: 0, grant: 1); // a's next message: the cancel was not answered
    }

    [Fact]
    public void Cancel_NamingAnotherOwner_LeavesTheWaiterWaiting()
    {
        var (holder, a, b) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(holder, 1, grant: 1);
        Acquire(a, 1);
        Coordinator.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        AssertHeldBy(holder, StateSeenBy(b), waiting: 1, grant: 1); // b's next message: its cancel was not answered
        AssertHeldBy(holder, StateSeenBy(a), waiting: 1, grant: 1); // a's next message: it was neither cancelled nor granted
        ReleaseNow(holder, 2, handedOver: true);
        ExpectAcquired(a, 1, grant: 2);
    }

    // ---- owners -------------------------------------------------------------------------------------------------

    [Fact]
    public void OwnerDeath_Holding_ReleasesToTheNextWaiter()
    {
        var (owner, waiter) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(owner, 1, grant: 1);
        Acquire(waiter, 1);
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        ExpectAcquired(waiter, 1, grant: 2);
        AssertHeldBy(waiter, StateSeenBy(waiter), waiting: 0, grant: 2);
    }

    [Fact]
    public void OwnerDeath_HoldingWithNobodyWaiting_BecomesFree()
    {
        var (owner, asker) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(owner, 1, grant: 1);
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        AwaitAssert(() => AssertFree(StateSeenBy(asker), grants: 1), TestTimes.Settle);
    }

    [Fact]
    public void OwnerDeath_WhileWaiting_DropsItsWaitAndTheNextWaiterIsGranted()
    {
        var (holder, doomed, next, replyTo) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(holder, 1, grant: 1);
        Acquire(replyTo, 7, doomed.Ref);
        Acquire(next, 1);
        AssertHeldBy(holder, StateSeenBy(holder), waiting: 2, grant: 1);

        Sys.Stop(doomed.Ref);
        AssertRejected(replyTo, 7, RejectionReason.OwnerTerminated);
        AssertHeldBy(holder, StateSeenBy(holder), waiting: 1, grant: 1);

        ReleaseNow(holder, 2, handedOver: true);
        ExpectAcquired(next, 1, grant: 2);
        AssertHeldBy(next, StateSeenBy(replyTo), waiting: 0, grant: 2); // replyTo's next message: nothing more for the dead owner
    }

    // ---- stop ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Stop_AnswersWaitersCoordinatorStopped()
    {
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1);
        Acquire(c, 2);
        Assert.Equal(2, StateSeenBy(a).Waiting);
        Sys.Stop(Coordinator);
        AssertRejected(b, 1, RejectionReason.CoordinatorStopped);
        AssertRejected(c, 2, RejectionReason.CoordinatorStopped);
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    /// <summary>Sends an acquire from <paramref name="from"/>, for <paramref name="owner"/> (the sender by default).</summary>
    protected void Acquire(TestProbe from, long requestId, IActorRef? owner = null, TimeSpan? timeout = null) =>
        Coordinator.Tell(AcquireRequest(requestId, owner ?? from.Ref, timeout), from.Ref);

    /// <summary>Acquires for <paramref name="owner"/> and expects the grant.</summary>
    protected void AcquireNow(TestProbe owner, long requestId, long grant)
    {
        Acquire(owner, requestId);
        ExpectAcquired(owner, requestId, grant);
    }

    /// <summary>Releases the grant <paramref name="owner"/> holds and expects the answer.</summary>
    protected void ReleaseNow(TestProbe owner, long requestId, bool handedOver)
    {
        Coordinator.Tell(ReleaseRequest(requestId, owner.Ref), owner.Ref);
        ExpectReleased(owner, requestId, handedOver);
    }

    /// <summary>
    /// The state as the next message <paramref name="probe"/> gets: everything the coordinator sent this probe before
    /// it handled the query has been received, so a grant or answer that must not have been sent would fail here.
    /// </summary>
    protected AcquireState StateSeenBy(TestProbe probe)
    {
        var id = Interlocked.Increment(ref _queries);
        Coordinator.Tell(StateRequest(id), probe.Ref);
        var reply = probe.ExpectMsg<IReply>();
        Assert.Equal(id, reply.RequestId);
        return ReadState(reply);
    }

    protected static void AssertRejected(TestProbe probe, long requestId, RejectionReason reason)
    {
        var rejected = probe.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((requestId, reason), (rejected.RequestId, rejected.Reason));
    }

    /// <summary>Held by <paramref name="owner"/> alone through the <paramref name="grant"/>-th grant.</summary>
    protected static void AssertHeldBy(TestProbe owner, AcquireState state, int waiting, long grant)
    {
        Assert.Equal((false, waiting, 1), (state.Free, state.Waiting, state.HeldByOwners));
        if (state.Holder is not null) Assert.Equal(owner.Ref, state.Holder);
        if (state.FencingToken is { } token) Assert.Equal(grant, token);
    }

    /// <summary>Free, with nobody waiting, after <paramref name="grants"/> grants.</summary>
    protected static void AssertFree(AcquireState state, long grants)
    {
        Assert.Equal((true, 0, 0, null), (state.Free, state.Waiting, state.HeldByOwners, state.Holder));
        if (state.FencingToken is { } token) Assert.Equal(grants, token);
    }
}
