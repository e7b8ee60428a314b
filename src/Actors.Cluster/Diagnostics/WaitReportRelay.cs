using Actors.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace Actors.Cluster.Diagnostics;

/// <summary>
/// One node's link to the cluster's deadlock detector (<see cref="ClusterDeadlockDetection"/>). It passes every wait
/// report of the node's coordinators on to the detector singleton with the coordinator as sender (the detector watches
/// the coordinator and tells it whom to fail), keeps the current picture of each coordinator and resends it while
/// there are waits, so a detector that moved learns what its predecessor knew; it publishes on this node's event
/// stream every <see cref="DeadlockDetected"/> the detector published on another node; and it passes a query for the
/// standing deadlocks (<see cref="DeadlockDetection.GetCurrentDeadlocksAsync"/>, the health check's) on to the detector.
/// </summary>
internal sealed class WaitReportRelay : UntypedActor, IWithTimers
{
    /// <summary>How many detector intervals pass between two resends of the pictures.</summary>
    public const int ResendEvery = 4;

    private readonly IActorRef _detector;
    private readonly TimeSpan _resendInterval;
    private readonly Dictionary<IActorRef, Picture> _pictures = new();
    private readonly HashSet<DeadlockDetected> _fromOtherNodes = new(ReferenceEqualityComparer.Instance);
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);

    public WaitReportRelay(IActorRef detector, TimeSpan interval)
    {
        _detector = detector;
        _resendInterval = interval * ResendEvery;
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the relay that passes reports to <paramref name="detector"/>.</summary>
    public static Props Props(IActorRef detector, TimeSpan interval) => Akka.Actor.Props.Create(() => new WaitReportRelay(detector, interval));

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadlockDetected));

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WaitReports.WaitsChanged change:
                Remember(Sender, change);
                _detector.Tell(change, Sender);
                break;
            case WaitReports.GetDeadlocks query:
                _detector.Forward(query);
                break;
            case Resend:
                foreach (var (coordinator, picture) in _pictures) _detector.Tell(picture.AsReport(), coordinator);
                break;
            case Terminated terminated:
                _pictures.Remove(terminated.ActorRef);
                UpdateTimer();
                break;
            case DeadlockDetected deadlock when IsOtherRelay(Sender):
                _fromOtherNodes.Add(deadlock);
                Context.System.EventStream.Publish(deadlock);
                break;
            case DeadlockDetected deadlock:
                // From this node's event stream: published by the detector here, or by this relay for another node.
                if (!_fromOtherNodes.Remove(deadlock)) TellOtherNodes(deadlock);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Remember(IActorRef coordinator, WaitReports.WaitsChanged change)
    {
        if (change.NamedWaiting == 0)
        {
            if (_pictures.Remove(coordinator)) Context.Unwatch(coordinator);
        }
        else
        {
            if (!_pictures.TryGetValue(coordinator, out var picture))
            {
                _pictures[coordinator] = picture = new Picture();
                Context.Watch(coordinator);
            }

            picture.Apply(change);
        }

        UpdateTimer();
    }

    private void UpdateTimer()
    {
        if (_pictures.Count == 0) Timers.Cancel(Resend.Instance);
        else if (!Timers.IsTimerActive(Resend.Instance)) Timers.StartPeriodicTimer(Resend.Instance, Resend.Instance, _resendInterval);
    }

    /// <summary>The detector published <paramref name="deadlock"/> here: the relays of the other nodes publish it there.</summary>
    private void TellOtherNodes(DeadlockDetected deadlock)
    {
        foreach (var member in _cluster.State.Members)
        {
            if (member.Status != MemberStatus.Up || member.Address == _cluster.SelfAddress) continue;
            Context.ActorSelection(new RootActorPath(member.Address) / "system" / ClusterDeadlockDetection.RelayName)
                .Tell(deadlock, Self);
        }
    }

    private bool IsOtherRelay(IActorRef sender) =>
        sender.Path.Name == ClusterDeadlockDetection.RelayName && !sender.Equals(Self) && sender.Path.Address != Self.Path.Address;

    /// <summary>What one coordinator has reported so far: its waits and holders now.</summary>
    private sealed class Picture
    {
        private readonly Dictionary<WaitReports.WaitKey, WaitReports.WaitStarted> _waits = new();
        private WaitReports.WaitsChanged? _last;

        public void Apply(WaitReports.WaitsChanged change)
        {
            foreach (var ended in change.Ended) _waits.Remove(ended);
            foreach (var started in change.Started) _waits[new WaitReports.WaitKey(started.Owner, started.RequestId)] = started;
            _last = change;
        }

        /// <summary>The whole picture as one report: every wait as started, nothing ended.</summary>
        public WaitReports.WaitsChanged AsReport() => _last! with { Started = [.. _waits.Values], Ended = [] };
    }

    private sealed class Resend
    {
        public static readonly Resend Instance = new();
    }
}
