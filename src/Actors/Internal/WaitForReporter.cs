using Actors.Diagnostics;
using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// A coordinator's side of deadlock detection: it follows the named owners waiting in one queue (the acquirers of a
/// lock, the waiters of a semaphore) and, at the end of a message, tells the detector what changed. Nothing is sent
/// while no named owner waits, so an uncontended acquire or release costs no message; holder changes are sent only
/// while named owners wait.
/// </summary>
internal sealed class WaitForReporter(WaiterQueue queue, string kind)
{
    private List<WaitReports.WaitStarted>? _started;
    private List<WaitReports.WaitKey>? _ended;
    private int _namedWaiting;
    private bool _known;
    private bool _holdersChanged;
    private IActorRef? _detector;

    /// <summary>A waiter entered a queue.</summary>
    public void Joined(Waiter waiter, bool canBeFailed)
    {
        if (!ReferenceEquals(waiter.Queue, queue) || OwnerWatch.IsAnonymous(waiter.Owner)) return;
        _namedWaiting++;
        (_started ??= []).Add(new WaitReports.WaitStarted(waiter.Owner, waiter.RequestId, DateTimeOffset.UtcNow, canBeFailed));
    }

    /// <summary>A waiter is leaving a queue (it is still linked into it).</summary>
    public void Leaving(Waiter waiter)
    {
        if (!ReferenceEquals(waiter.Queue, queue) || OwnerWatch.IsAnonymous(waiter.Owner)) return;
        _namedWaiting--;
        if (_started is not null && _started.RemoveAll(s => s.RequestId == waiter.RequestId && s.Owner.Equals(waiter.Owner)) > 0) return;
        (_ended ??= []).Add(new WaitReports.WaitKey(waiter.Owner, waiter.RequestId));
    }

    /// <summary>The holders changed; worth telling only if the detector knows of waits here or is about to.</summary>
    public void HoldersChanged()
    {
        if (_namedWaiting > 0 || _known) _holdersChanged = true;
    }

    /// <summary>Sends what changed during the current message, if the detector needs to know.</summary>
    public void Flush(IActorContext context, CoordinatorActor coordinator)
    {
        if (_started is null && _ended is null && !_holdersChanged) return;
        var started = _started;
        var ended = _ended;
        _started = null;
        _ended = null;
        _holdersChanged = false;
        if (!_known && _namedWaiting == 0) return;

        _detector ??= DeadlockDetection.Get(context.System).Detector;
        if (_detector.IsNobody()) return;
        var (named, anonymous) = coordinator.HoldersForReport();
        _detector.Tell(new WaitReports.WaitsChanged(kind, (IReadOnlyList<WaitReports.WaitStarted>?)started ?? [],
            (IReadOnlyList<WaitReports.WaitKey>?)ended ?? [], named, anonymous, _namedWaiting), context.Self);
        _known = _namedWaiting > 0;
    }
}
