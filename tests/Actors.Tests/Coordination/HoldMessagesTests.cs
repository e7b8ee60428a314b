using Actors.Event;

namespace Actors.Tests.Coordination;

/// <summary>A coordinator that grants no holds (an event) refuses the hold messages and is left as it was.</summary>
public sealed class HoldMessagesTests : CoordinatorTestKit
{
    [Fact]
    public void Event_HoldMessages_RejectedAsNotSupported_AndTheEventStillAnswers()
    {
        var coordinator = Sys.ActorOf(ActorEvent.Props());
        coordinator.Tell(new CoordinatorProtocol.ForceRelease(1));
        Assert.Equal((1, RejectionReason.NotSupported), Reason(ExpectMsg<CoordinatorProtocol.Rejected>()));
        coordinator.Tell(new CoordinatorProtocol.SetMaxHoldTime(2, TimeSpan.FromSeconds(1)));
        Assert.Equal((2, RejectionReason.NotSupported), Reason(ExpectMsg<CoordinatorProtocol.Rejected>()));
        coordinator.Tell(new CoordinatorProtocol.WatchHold(1, TestActor));
        Assert.Equal((0, RejectionReason.NotSupported), Reason(ExpectMsg<CoordinatorProtocol.Rejected>()));

        coordinator.Tell(new CoordinatorProtocol.GetStatistics(3));
        var statistics = ExpectMsg<CoordinatorProtocol.Statistics>();
        Assert.Equal((0, 0, (TimeSpan?)null), (statistics.ForcedReleases, statistics.HoldTimeExpiries, statistics.MaxHoldTime));
    }

    [Fact]
    public void Lock_WatchHoldWithoutWatcher_RejectedAndTheHoldStays()
    {
        var coordinator = Sys.ActorOf(Actors.Lock.ActorLock.Props());
        coordinator.Tell(new Actors.Lock.LockProtocol.Acquire(1, TestActor));
        ExpectMsg(new Actors.Lock.LockProtocol.Acquired(1, 1));
        coordinator.Tell(new CoordinatorProtocol.WatchHold(1, null!));
        Assert.Equal((0, RejectionReason.InvalidArgument), Reason(ExpectMsg<CoordinatorProtocol.Rejected>()));
        coordinator.Tell(new Actors.Lock.LockProtocol.GetState(2));
        Assert.Equal(TestActor, ExpectMsg<Actors.Lock.LockProtocol.LockState>().Holder);
    }

    private static (long, RejectionReason) Reason(CoordinatorProtocol.Rejected rejected) => (rejected.RequestId, rejected.Reason);
}
