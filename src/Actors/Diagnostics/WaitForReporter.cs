using Actors.Internal;
using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// A coordinator's side of deadlock detection: it follows the named owners waiting in one queue (the acquirers of a
/// lock, the waiters of a semaphore) and, at the end of a message, tells the detector what changed. A wait is reported
/// only once it has lasted <see cref="DeadlockDetectionSettings.ReportAfter"/>: a deadlock lasts for ever, and the
/// short waits of a busy primitive then cost no message at all. Holder changes are sent only while the detector knows
/// of waits here.
/// </summary>
internal sealed class WaitForReporter : IWaiterObserver
{
    private readonly WaiterQueue _queue;
    private readonly string _kind;
    private readonly long _reportAfter;
    private readonly IWaitForSource _source;
    private Queue<(Waiter Waiter, bool CanBeFailed)>? _unreported;
    private List<WaitReports.WaitStarted>? _started;
    private List<WaitReports.WaitKey>? _ended;
    private int _reportedWaiting;
    private bool _known;
    private bool _holdersChanged;
    private bool _checkScheduled;
    private IActorRef? _detector;

    /// <param name="queue">The queue whose waiters wait for the primitive's holders.</param>
    /// <param name="kind">The primitive's kind in reports.</param>
    /// <param name="reportAfter">How long a wait lasts before it is reported; zero reports at once.</param>
    /// <param name="source">The coordinator: it names the holders and runs <see cref="ReportDueWaits"/> when asked to.</param>
    public WaitForReporter(WaiterQueue queue, string kind, TimeSpan reportAfter, IWaitForSource source)
    {
        _queue = queue;
        _kind = kind;
        _reportAfter = (long)MonotonicClock.TicksOf(reportAfter);
        _source = source;
    }

    /// <summary>A waiter entered a queue.</summary>
    public void Joined(Waiter waiter, bool canBeFailed)
    {
        if (!Follows(waiter)) return;
        if (_reportAfter == 0)
        {
            Report(waiter, canBeFailed);
            return;
        }

        (_unreported ??= new()).Enqueue((waiter, canBeFailed));
        if (!_checkScheduled) ScheduleCheckFor(waiter);
    }

    /// <summary>A waiter is leaving a queue (it is still linked into it).</summary>
    public void Leaving(Waiter waiter)
    {
        if (!Follows(waiter)) return;
        if (!waiter.WaitReported)
        {
            // Waiters mostly leave oldest first: dropping them here keeps the unreported list as short as the queue.
            if (_unreported!.TryPeek(out var oldest) && ReferenceEquals(oldest.Waiter, waiter)) _unreported.Dequeue();
            return;
        }

        _reportedWaiting--;
        if (_started is not null && _started.RemoveAll(s => s.RequestId == waiter.RequestId && s.Owner.Equals(waiter.Owner)) > 0) return;
        (_ended ??= []).Add(new WaitReports.WaitKey(waiter.Owner, waiter.RequestId));
    }

    /// <summary>Reports the waits that have now lasted long enough, and schedules the next check if some have not yet.</summary>
    public void ReportDueWaits()
    {
        _checkScheduled = false;
        var now = MonotonicClock.Now;
        while (_unreported is not null && _unreported.TryPeek(out var next))
        {
            if (!ReferenceEquals(next.Waiter.Queue, _queue))
            {
                _unreported.Dequeue();
                continue;
            }

            if (now - next.Waiter.Since < _reportAfter)
            {
                ScheduleCheckFor(next.Waiter);
                return;
            }

            _unreported.Dequeue();
            Report(next.Waiter, next.CanBeFailed);
        }
    }

    /// <summary>The holders changed; worth telling only if the detector knows of waits here or is about to.</summary>
    public void HoldersChanged()
    {
        if (_reportedWaiting > 0 || _known) _holdersChanged = true;
    }

    /// <summary>Sends what changed during the current message, if the detector needs to know.</summary>
    public void Flush(IActorContext context)
    {
        if (_started is null && _ended is null && !_holdersChanged) return;
        var started = _started;
        var ended = _ended;
        _started = null;
        _ended = null;
        _holdersChanged = false;
        if (!_known && _reportedWaiting == 0) return;

        _detector ??= DeadlockDetection.Get(context.System).Detector;
        if (_detector.IsNobody()) return;
        var (named, anonymous) = _source.CurrentHolders();
        _detector.Tell(new WaitReports.WaitsChanged(_kind, (IReadOnlyList<WaitReports.WaitStarted>?)started ?? [],
            (IReadOnlyList<WaitReports.WaitKey>?)ended ?? [], named, anonymous, _reportedWaiting), context.Self);
        _known = _reportedWaiting > 0;
    }

    private bool Follows(Waiter waiter) => ReferenceEquals(waiter.Queue, _queue) && !OwnerWatch.IsAnonymous(waiter.Owner);

    private void Report(Waiter waiter, bool canBeFailed)
    {
        waiter.WaitReported = true;
        _reportedWaiting++;
        var waitedSoFar = MonotonicClock.Now - waiter.Since;
        var since = DateTimeOffset.UtcNow - System.Diagnostics.Stopwatch.GetElapsedTime(0, waitedSoFar);
        (_started ??= []).Add(new WaitReports.WaitStarted(waiter.Owner, waiter.RequestId, since, canBeFailed));
    }

    private void ScheduleCheckFor(Waiter waiter)
    {
        _checkScheduled = true;
        _source.ScheduleWaitReportCheck(MonotonicClock.Until(waiter.Since + _reportAfter));
    }
}
