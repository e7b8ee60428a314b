using Akka.Actor;
using Akka.Event;

namespace Actors.Diagnostics;

/// <summary>
/// The actor system's deadlock detector. Lock-type coordinators tell it when named owners start and stop waiting and who
/// holds them meanwhile; while it knows of waits it checks the wait-for graph every interval. A cycle seen at two
/// consecutive checks is published as <see cref="DeadlockDetected"/>, logged, and resolved by the configured policy.
/// </summary>
internal sealed class DeadlockDetector : UntypedActor, IWithTimers
{
    private readonly DeadlockDetectionSettings _settings;
    private readonly WaitGraph _graph = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private HashSet<string> _seenLastCheck = new();
    private readonly Dictionary<string, DeadlockDetected> _reported = new();
    private bool _ticking;

    public DeadlockDetector(DeadlockDetectionSettings settings) => _settings = settings;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WaitReports.WaitsChanged change:
                if (_graph.Apply(Sender, change)) Context.Watch(Sender);
                else Context.Unwatch(Sender);
                UpdateTimer();
                break;
            case Check:
                OnCheck();
                break;
            case WaitReports.GetDeadlocks:
                Sender.Tell(new WaitReports.CurrentDeadlocks([.. _reported.Values.OrderBy(d => d.DetectedAt)]));
                break;
            case Terminated terminated:
                _graph.Forget(terminated.ActorRef);
                UpdateTimer();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void UpdateTimer()
    {
        if (_graph.IsEmpty && _ticking)
        {
            Timers.Cancel(Check.Instance);
            _ticking = false;
            _seenLastCheck.Clear();
            _reported.Clear();
        }
        else if (!_graph.IsEmpty && !_ticking)
        {
            Timers.StartPeriodicTimer(Check.Instance, Check.Instance, _settings.Interval);
            _ticking = true;
        }
    }

    private void OnCheck()
    {
        var seen = new HashSet<string>();
        foreach (var cycle in _graph.FindDeadlocks())
        {
            var key = KeyOf(cycle);
            seen.Add(key);
            if (_seenLastCheck.Contains(key) && !_reported.ContainsKey(key)) _reported[key] = Report(cycle);
        }

        _seenLastCheck = seen;
        foreach (var gone in _reported.Keys.Where(key => !seen.Contains(key)).ToList()) _reported.Remove(gone);
    }

    private DeadlockDetected Report(IReadOnlyList<DeadlockParticipant> cycle)
    {
        var victim = _settings.Resolution == DeadlockResolution.FailYoungestWaiter
            ? cycle.Where(p => p.CanBeFailed).OrderByDescending(p => p.WaitingSince).ThenByDescending(p => p.Owner.Path.ToString(), StringComparer.Ordinal).FirstOrDefault()
            : null;
        var deadlock = new DeadlockDetected(cycle, _settings.Resolution, victim, DateTimeOffset.UtcNow);
        if (_settings.Log) _log.Warning("{0}", deadlock);
        Context.System.EventStream.Publish(deadlock);
        if (victim is not null)
            victim.WaitsFor.Coordinator.Tell(new WaitReports.FailWait(victim.Owner, victim.RequestId, deadlock.ToString()), Self);
        return deadlock;
    }

    private static string KeyOf(IReadOnlyList<DeadlockParticipant> cycle) =>
        string.Join("|", cycle.Select(p => $"{p.Owner.Path}#{p.RequestId}@{p.WaitsFor.Coordinator.Path}<{string.Join(",", p.WaitsForHeldBy.Select(h => h.Path.ToString()))}>").Order(StringComparer.Ordinal));

    private sealed class Check
    {
        public static readonly Check Instance = new();
    }
}
