using Actors.Protocol;
using Actors.Tests.Support;
using Akka.Actor;

namespace Actors.Tests.Internal;

/// <summary>
/// A lease over a coordinator in another process is guarded from the grant on: until the coordinator answers its watch
/// (and so names its node) the loss of contact with any node counts as the loss of the hold, since the coordinator's
/// node may fail before it answers; once it has answered, that node alone is guarded.
/// </summary>
public sealed class HoldLostSignalTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly RecordingGuard _guard = new();

    public HoldLostSignalTests() => HoldGuards.Register(Sys, _guard);

    [Fact]
    public void RemoteCoordinatorThatHasNotAnsweredTheWatch_ContactLostWithAnyNode_FiresTheLeasesToken()
    {
        var coordinator = new SilentRemoteCoordinator(Sys);
        var lease = new Lease(7, () => { }, coordinator);

        var untilLocated = Assert.Single(_guard.Watches);
        Assert.Null(untilLocated.Node);
        Assert.IsType<CoordinatorProtocol.WatchHold>(Assert.Single(coordinator.Received).Message);
        Assert.False(lease.HoldLost.IsCancellationRequested);

        untilLocated.Lost(HoldLostReason.CoordinatorUnreachable);

        AwaitCondition(() => lease.HoldLost.IsCancellationRequested);
        Assert.Equal(HoldLostReason.CoordinatorUnreachable, lease.LostReason);
        Assert.True(untilLocated.Disposed);
    }

    [Fact]
    public void RemoteCoordinatorAnswersTheWatch_ItsNodeAloneIsGuarded_AndDisposingTheLeaseEndsTheWatch()
    {
        var coordinator = new SilentRemoteCoordinator(Sys);
        var lease = new Lease(7, () => { }, coordinator);
        var watch = Assert.IsType<CoordinatorProtocol.WatchHold>(Assert.Single(coordinator.Received).Message);
        var coordinatorNode = new Address("akka.tcp", "other", "10.0.0.2", 4053);

        watch.Watcher.Tell(new CoordinatorProtocol.HoldWatched(7), new SilentRemoteCoordinator(Sys, coordinatorNode));

        Assert.Equal(2, _guard.Watches.Count);
        var (untilLocated, located) = (_guard.Watches[0], _guard.Watches[1]);
        Assert.True(untilLocated.Disposed);
        Assert.Equal(coordinatorNode, located.Node);
        Assert.False(located.Disposed);

        lease.Dispose();

        Assert.True(located.Disposed);
        Assert.False(lease.HoldLost.IsCancellationRequested);
    }

    [Fact]
    public void CoordinatorInThisProcess_IsNotGuardedForContactWithOtherNodes()
    {
        var lease = new Lease(7, () => { }, TestActor);

        Assert.False(lease.HoldLost.IsCancellationRequested);
        ExpectMsg<CoordinatorProtocol.WatchHold>();
        Assert.DoesNotContain(_guard.Watches, w => w.Node is null);
    }

    /// <summary>One registration with the guard: the node watched (null for any) and its callback.</summary>
    private sealed class Registration(Address? node, Action<HoldLostReason> lost) : IDisposable
    {
        public Address? Node { get; } = node;

        public Action<HoldLostReason> Lost { get; } = lost;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    /// <summary>A hold guard that records what it is asked to watch.</summary>
    private sealed class RecordingGuard : IHoldGuard
    {
        public List<Registration> Watches { get; } = [];

        public IDisposable Guard(Address coordinatorNode, Action<HoldLostReason> lost) => Add(new Registration(coordinatorNode, lost));

        public IDisposable GuardAnyNode(Action<HoldLostReason> lost) => Add(new Registration(null, lost));

        private Registration Add(Registration registration)
        {
            lock (Watches) Watches.Add(registration);
            return registration;
        }
    }
}
