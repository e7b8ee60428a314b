using Actors.Coordination;
using Actors.Event;
using Actors.Lock;

namespace Actors.Tests.Coordination;

/// <summary>
/// The maximum hold time a coordinator starts with (<see cref="Coordinator.WithMaxHoldTime"/>, a registration's setting):
/// in force from the first grant, replaced by <see cref="CoordinatorProtocol.SetMaxHoldTime"/>, refused where it means nothing.
/// </summary>
public sealed class StartingMaxHoldTimeTests : CoordinatorTestKit
{
    [Fact]
    public void Lock_StartedWithMaxHoldTime_ExpiresTheFirstHold_AndSetMaxHoldTimeNullClearsIt()
    {
        var coordinator = Sys.ActorOf(Coordinator.PropsOf(() => ActorLock.Behavior().WithMaxHoldTime(TimeSpan.FromMilliseconds(100))));
        coordinator.Tell(new LockProtocol.Acquire(1, TestActor));
        ExpectMsg(new LockProtocol.Acquired(1, 1));
        ExpectMsg(new CoordinatorProtocol.HoldLost(1, HoldLostReason.MaxHoldTimeExceeded), TestTimes.Settle);

        coordinator.Tell(new CoordinatorProtocol.SetMaxHoldTime(2, null));
        ExpectMsg(new CoordinatorProtocol.MaxHoldTimeSet(2, null));
        coordinator.Tell(new CoordinatorProtocol.GetStatistics(3));
        Assert.Null(ExpectMsg<CoordinatorProtocol.Statistics>().MaxHoldTime);
    }

    [Fact]
    public void WithMaxHoldTime_NotPositive_OnAPrimitiveWithoutHolds_OrOnceAttached_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorLock.Behavior().WithMaxHoldTime(TimeSpan.Zero));
        Assert.Throws<NotSupportedException>(() => ActorEvent.Behavior().WithMaxHoldTime(TimeSpan.FromSeconds(1)));

        Coordinator? made = null;
        var coordinator = Sys.ActorOf(Coordinator.PropsOf(() => made = ActorLock.Behavior()));
        coordinator.Tell(new CoordinatorProtocol.GetStatistics(1));
        Assert.Null(ExpectMsg<CoordinatorProtocol.Statistics>().MaxHoldTime);
        Assert.Throws<InvalidOperationException>(() => made!.WithMaxHoldTime(TimeSpan.FromSeconds(1)));
    }
}
