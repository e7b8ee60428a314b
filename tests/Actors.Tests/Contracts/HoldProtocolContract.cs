namespace Actors.Tests.Contracts;

/// <summary>
/// The hold contract of every coordinator that grants holds (Lock, RLock, Semaphore, BoundedSemaphore), on top of the
/// acquire contract and run by the same variants: a hold the coordinator ends — force-release, maximum hold time,
/// owner death — is reported with <see cref="CoordinatorProtocol.HoldLost"/> to its owner and its watchers and handed to
/// the next waiter with a higher fencing token; a hold its holder releases ends silently.
/// </summary>
public abstract class HoldProtocolContract : AcquireProtocolContract
{
    private long _adminRequests = 2_000_000;

    [Fact]
    public void ForceRelease_Held_OwnerAndWatcherToldAndNextWaiterGrantedWithHigherToken()
    {
        var (a, b, watcher, admin) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1);
        WatchNow(watcher, 1);

        Coordinator.Tell(new CoordinatorProtocol.ForceRelease(9), admin.Ref);
        admin.ExpectMsg(new CoordinatorProtocol.ForceReleased(9, 1));

        a.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.ForceReleased));
        watcher.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.ForceReleased));
        ExpectAcquired(b, 1, grant: 2);
        AssertHeldBy(b, StateSeenBy(a), waiting: 0, grant: 2);
        Assert.Equal((1, 0), Counts(admin));
    }

    [Fact]
    public void ForceRelease_Free_RevokesNothing()
    {
        var admin = CreateTestProbe();
        Coordinator.Tell(new CoordinatorProtocol.ForceRelease(3), admin.Ref);
        admin.ExpectMsg(new CoordinatorProtocol.ForceReleased(3, 0));
        AssertFree(StateSeenBy(admin), grants: 0);
        Assert.Equal((0, 0), Counts(admin));
    }

    [Fact]
    public void MaxHoldTime_HoldOutlastsIt_OwnerAndWatcherToldAndNextWaiterGrantedWithHigherToken()
    {
        var (a, b, watcher) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        SetMaxHoldTime(a, TimeSpan.FromMilliseconds(300));
        AcquireNow(a, 1, grant: 1);
        Acquire(b, 1);
        WatchNow(watcher, 1);

        a.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.MaxHoldTimeExceeded), TestTimes.Settle);
        watcher.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.MaxHoldTimeExceeded));
        ExpectAcquired(b, 1, grant: 2);
        Assert.Equal((0, 1), Counts(a));
    }

    [Fact]
    public void MaxHoldTime_ReleasedInTime_NoHoldLost()
    {
        var (a, watcher) = (CreateTestProbe(), CreateTestProbe());
        SetMaxHoldTime(a, TimeSpan.FromMilliseconds(100));
        AcquireNow(a, 1, grant: 1);
        WatchNow(watcher, 1);
        ReleaseNow(a, 2, handedOver: false);

        // Kept: only waiting past the term shows that the ended term's timer does not revoke anything.
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100) + TestTimes.Silence);
        AssertFree(StateSeenBy(a), grants: 1);
        Assert.Equal((0, 0), Counts(a));
    }

    [Fact]
    public void Release_ByHolder_WatcherIsNotTold()
    {
        var (a, watcher) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        WatchNow(watcher, 1);
        ReleaseNow(a, 2, handedOver: false);
        AssertFree(StateSeenBy(watcher), grants: 1); // the watcher's next message: no HoldLost came first
    }

    [Fact]
    public void OwnerTerminates_WatcherToldAndNextWaiterGrantedWithHigherToken()
    {
        var (owner, b, watcher) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        AcquireNow(owner, 1, grant: 1);
        Acquire(b, 1);
        WatchNow(watcher, 1);

        Sys.Stop(owner.Ref);

        watcher.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.OwnerTerminated), TestTimes.Settle);
        ExpectAcquired(b, 1, grant: 2);
    }

    [Fact]
    public void WatchHold_HoldAlreadyEnded_AnswersNotHeld()
    {
        var (a, watcher) = (CreateTestProbe(), CreateTestProbe());
        AcquireNow(a, 1, grant: 1);
        ReleaseNow(a, 2, handedOver: false);
        Coordinator.Tell(new CoordinatorProtocol.WatchHold(1, watcher.Ref));
        watcher.ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.NotHeld));
    }

    [Fact]
    public void SetMaxHoldTime_NotPositive_RejectedAndUnchanged()
    {
        var admin = CreateTestProbe();
        Coordinator.Tell(new CoordinatorProtocol.SetMaxHoldTime(4, TimeSpan.Zero), admin.Ref);
        AssertRejected(admin, 4, RejectionReason.InvalidArgument);
        Coordinator.Tell(new CoordinatorProtocol.GetStatistics(5), admin.Ref);
        Assert.Null(admin.ExpectMsg<CoordinatorProtocol.Statistics>().MaxHoldTime);
    }

    /// <summary>Watches the hold of <paramref name="fencingToken"/> for <paramref name="watcher"/>, and expects the coordinator's acknowledgement.</summary>
    protected void WatchNow(TestProbe watcher, long fencingToken)
    {
        Coordinator.Tell(new CoordinatorProtocol.WatchHold(fencingToken, watcher.Ref));
        watcher.ExpectMsg(new CoordinatorProtocol.HoldWatched(fencingToken));
        Assert.Equal(Coordinator, watcher.LastSender);
    }

    private void SetMaxHoldTime(TestProbe from, TimeSpan limit)
    {
        var id = Interlocked.Increment(ref _adminRequests);
        Coordinator.Tell(new CoordinatorProtocol.SetMaxHoldTime(id, limit), from.Ref);
        from.ExpectMsg(new CoordinatorProtocol.MaxHoldTimeSet(id, limit));
    }

    /// <summary>The forced releases and hold-time expiries the coordinator counted, as <paramref name="probe"/>'s next message.</summary>
    private (long Forced, long Expired) Counts(TestProbe probe)
    {
        var id = Interlocked.Increment(ref _adminRequests);
        Coordinator.Tell(new CoordinatorProtocol.GetStatistics(id), probe.Ref);
        var statistics = probe.ExpectMsg<CoordinatorProtocol.Statistics>();
        return (statistics.ForcedReleases, statistics.HoldTimeExpiries);
    }
}
