using Actors.Diagnostics;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// What every coordinator shares: its waiters (FIFO queues indexed by owner and request id), one timer for
/// the earliest deadline, DeathWatch on owners, cancellation, and replies that never go to nobody.
/// A primitive handles its own messages in <see cref="Handle"/> and keeps its own state; this class makes
/// sure that a waiter given up on (expired, cancelled, owner dead) is never granted afterwards.
/// </summary>
internal abstract class CoordinatorActor : UntypedActor, IWithTimers
{
    private readonly Dictionary<WaiterKey, Waiter> _waiting = new();
    private readonly List<WaiterQueue> _queues = new();
    private readonly DeadlineHeap _deadlines = new();
    private long _timerDeadline = MonotonicClock.Never;
    private WaitForReporter? _waitsFor;
    private string? _kind;
    private CoordinatorCounters _counters;
    private PrimitiveRegistry? _registry;
    private PrimitiveInstruments _metrics = null!;
    private CoordinatorGauges _gauges = null!;

    protected CoordinatorActor()
    {
        Owners = new OwnerWatch(Context);
        SchedulerWarmUp.Ensure(Context.System);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The owners this coordinator watches because they hold or wait for something.</summary>
    protected OwnerWatch Owners { get; }

    /// <summary>Handles a message of the primitive's own protocol; false if it is not one.</summary>
    protected abstract bool Handle(object message);

    /// <summary>Answers a waiter whose deadline passed; it has already left its queue.</summary>
    protected abstract void OnExpired(Waiter waiter);

    /// <summary>Releases what <paramref name="owner"/> held; its waits have already been dropped.</summary>
    protected abstract void OnOwnerTerminated(IActorRef owner);

    /// <summary>Called after a waiter left its queue without a grant (cancelled, expired, owner died).</summary>
    protected virtual void OnWaiterLeft(Waiter waiter)
    {
    }

    /// <summary>
    /// Whether a <see cref="CoordinatorProtocol.Cancel"/> may still withdraw <paramref name="waiter"/>. A waiter past
    /// the point of no return (a condition waiter already notified, now waiting only to hold the lock again) says no.
    /// </summary>
    protected virtual bool CanCancel(Waiter waiter) => true;

    /// <summary>Answers a waiter withdrawn by a cancel; it has already left its queue. By default: <see cref="CoordinatorProtocol.Cancelled"/>.</summary>
    protected virtual void OnCancelled(Waiter waiter) => Send(waiter.ReplyTo, new CoordinatorProtocol.Cancelled(waiter.RequestId));

    /// <summary>
    /// The named owners holding the primitive, and whether anonymous owners hold some of it, for the deadlock detector.
    /// Called only while named owners wait in the queue given to <see cref="ReportWaitsFor"/>.
    /// </summary>
    protected virtual (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders() => ([], false);

    /// <summary><see cref="CurrentHolders"/>, for the reporter.</summary>
    internal (IReadOnlyList<IActorRef> Named, bool Anonymous) HoldersForReport() => CurrentHolders();

    /// <summary>
    /// Makes the waiters of <paramref name="queue"/> wait-for edges for the deadlock detector: they wait until a holder
    /// (see <see cref="CurrentHolders"/>) lets go. <paramref name="kind"/> names the primitive in reports.
    /// </summary>
    protected void ReportWaitsFor(WaiterQueue queue, string kind)
    {
        _kind = kind;
        var settings = WaitReporting.SettingsOf(Context.System);
        if (!settings.Enabled) return;
        _waitsFor = new WaitForReporter(queue, kind, settings.ReportAfter, this);
    }

    /// <summary>Has <see cref="WaitForReporter.ReportDueWaits"/> run after <paramref name="delay"/>.</summary>
    internal void ScheduleWaitReportCheck(TimeSpan delay) => Timers.StartSingleTimer(ReportDueWaits.Instance, ReportDueWaits.Instance, delay);

    /// <summary>The primitive's kind in metrics: the one given to <see cref="ReportWaitsFor"/>, else the class name without "Coordinator".</summary>
    protected string Kind => _kind ??= GetType().Name.Replace("Coordinator", "", StringComparison.Ordinal);

    /// <summary>Counts one grant (lock, re-entry, permit, queue item) in the statistics and the metrics.</summary>
    protected void CountAcquisition() => Count(ref _counters.Acquisitions, _metrics.Acquisitions);

    /// <summary>Counts one hold released because its owner terminated, in the statistics and the metrics.</summary>
    protected void CountOwnerDeathRelease() => Count(ref _counters.OwnerDeathReleases, _metrics.OwnerDeathReleases);

    /// <summary>The one place an event is counted: in the coordinator's own statistics and on the meter together.</summary>
    private void Count(ref long tally, System.Diagnostics.Metrics.Counter<long> metric)
    {
        tally++;
        PrimitiveInstruments.Count(metric, _gauges);
    }

    /// <summary>
    /// Publishes what only the primitive knows (holders, queue length) for the metrics' observable instruments; called
    /// after every message, so it only copies fields.
    /// </summary>
    protected virtual void PublishGauges(CoordinatorGauges gauges)
    {
    }

    /// <summary>
    /// Adds what only the primitive knows (queue length, barrier round, ...) to the statistics reply.
    /// Holders and waiting owners are already filled in.
    /// </summary>
    protected virtual CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) => statistics;

    /// <summary>Tells the deadlock reporting that the holders changed; costs a field test when nobody waits.</summary>
    protected void HoldersChanged() => _waitsFor?.HoldersChanged();

    protected sealed override void OnReceive(object message)
    {
        try
        {
            Dispatch(message);
        }
        finally
        {
            _waitsFor?.Flush(Context);
            _gauges.Waiters = _waiting.Count;
            PublishGauges(_gauges);
        }
    }

    private void Dispatch(object message)
    {
        if (Handle(message)) return;
        switch (message)
        {
            case CoordinatorProtocol.Cancel cancel:
                OnCancel(cancel);
                break;
            case CoordinatorProtocol.GetStatistics get:
                OnGetStatistics(get);
                break;
            case WaitReports.FailWait fail:
                OnFailWait(fail);
                break;
            case DeadlineTick:
                OnDeadlineTick();
                break;
            case ReportDueWaits:
                _waitsFor?.ReportDueWaits();
                break;
            case Terminated terminated:
                OnTerminated(terminated.ActorRef);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Creates a queue whose waiters this class manages.</summary>
    protected WaiterQueue NewQueue()
    {
        var queue = new WaiterQueue();
        _queues.Add(queue);
        return queue;
    }

    /// <summary>
    /// Checks the parts every waiting request shares (owner present, timeout valid) and rejects the request if
    /// they are wrong. <paramref name="ownerRequired"/> refuses the anonymous owner.
    /// </summary>
    protected bool Validate(long requestId, IActorRef? owner, TimeSpan? timeout, bool ownerRequired = false)
    {
        if (owner is null)
            return Reject(requestId, RejectionReason.InvalidArgument, "The request names no owner; use ActorRefs.Nobody for the anonymous owner.");
        if (ownerRequired && OwnerWatch.IsAnonymous(owner))
            return Reject(requestId, RejectionReason.InvalidArgument, "This primitive needs an owner (an actor or an ActorOwner handle), not the anonymous owner.");
        if (!Timeouts.IsValid(timeout))
            return Reject(requestId, RejectionReason.InvalidArgument, Timeouts.InvalidMessage);
        return true;
    }

    /// <summary>True if the request does not wait (timeout zero): it must be answered now.</summary>
    protected static bool IsNonBlocking(TimeSpan? timeout) => timeout == TimeSpan.Zero;

    /// <summary>
    /// Puts the current message's request at the back of <paramref name="queue"/> and watches its owner.
    /// Rejects it (and returns null) if the owner already waits with the same request id.
    /// </summary>
    protected Waiter? Enqueue(WaiterQueue queue, long requestId, IActorRef owner, TimeSpan? timeout, object? payload = null) =>
        Enqueue(queue, requestId, owner, Sender, timeout, payload);

    /// <summary>Like <see cref="Enqueue(WaiterQueue, long, IActorRef, TimeSpan?, object?)"/>, answering <paramref name="replyTo"/> rather than the sender.</summary>
    protected Waiter? Enqueue(WaiterQueue queue, long requestId, IActorRef owner, IActorRef replyTo, TimeSpan? timeout, object? payload)
    {
        var waiter = new Waiter(requestId, owner, replyTo, MonotonicClock.DeadlineAfter(Timeouts.Normalize(timeout)), payload);
        if (!_waiting.TryAdd(waiter.Key, waiter))
        {
            Reject(requestId, RejectionReason.DuplicateRequest, $"Request {requestId} of this owner is already waiting.");
            return null;
        }

        queue.Append(waiter);
        _waitsFor?.Joined(waiter, CanCancel(waiter));
        Owners.Add(owner);
        if (waiter.HasDeadline)
        {
            _deadlines.Add(waiter);
            if (waiter.Deadline < _timerDeadline) ScheduleTimer(waiter.Deadline);
        }

        return waiter;
    }

    /// <summary>
    /// Takes the oldest waiter of <paramref name="queue"/> that may still be granted: <see cref="PeekNext"/>, then
    /// <see cref="Take"/>.
    /// </summary>
    /// <param name="queue">The queue to take from.</param>
    /// <param name="keepsWatch">See <see cref="Take"/>.</param>
    protected Waiter? TakeNext(WaiterQueue queue, bool keepsWatch) => PeekNext(queue) is { } waiter ? Take(waiter, keepsWatch) : null;

    /// <summary>
    /// The oldest waiter of <paramref name="queue"/> that may still be granted, left in place. Waiters whose deadline
    /// has passed but whose timer has not fired yet are answered as expired on the way: a grant never goes out late.
    /// </summary>
    protected Waiter? PeekNext(WaiterQueue queue)
    {
        var now = MonotonicClock.Now;
        while (queue.First is { } waiter)
        {
            if (!waiter.HasDeadline || waiter.Deadline > now) return waiter;
            Expire(waiter, stillInHeap: true);
        }

        return null;
    }

    /// <summary>Takes <paramref name="waiter"/>, found by <see cref="PeekNext"/>, out of its queue to be granted.</summary>
    /// <param name="waiter">The waiter.</param>
    /// <param name="keepsWatch">
    /// True if the waiter's owner will hold something after the grant: its wait turns into a hold and the owner
    /// stays watched without a second watch. False if the grant leaves the owner holding nothing.
    /// </param>
    protected Waiter Take(Waiter waiter, bool keepsWatch)
    {
        Leave(waiter);
        if (!keepsWatch) Owners.Remove(waiter.Owner);
        _metrics.RecordWait(_counters.RecordWait(MonotonicClock.Now - waiter.Since) / 1000, _gauges);
        return waiter;
    }

    /// <summary>Sends <paramref name="reply"/> to the current message's sender, unless nobody is listening.</summary>
    protected void Reply(object reply) => Send(Sender, reply);

    /// <summary>Sends <paramref name="reply"/> to <paramref name="to"/>, unless it is nobody or dead letters.</summary>
    protected void Send(IActorRef to, object reply)
    {
        if (!to.IsNobody()) to.Tell(reply, Self);
    }

    /// <summary>Answers the current message with a rejection. Returns false so that validators can return it.</summary>
    protected bool Reject(long requestId, RejectionReason reason, string message)
    {
        Reply(new CoordinatorProtocol.Rejected(requestId, reason, message));
        return false;
    }

    protected override void PreStart()
    {
        _registry = PrimitiveRegistry.Get(Context.System);
        _registry.Add(Self);
        _metrics = PrimitiveMeter.InstrumentsOf(Context.System);
        _gauges = _metrics.Track(Self.Path.Name, Kind);
        _gauges.Waiters = 0;
        PublishGauges(_gauges);
        base.PreStart();
    }

    protected override void PostStop()
    {
        _registry?.Remove(Self);
        if (_gauges is not null) _metrics.Untrack(_gauges);
        foreach (var queue in _queues)
        foreach (var waiter in queue.Snapshot())
        {
            Leave(waiter);
            Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.CoordinatorStopped, "The coordinator was stopped while the request was waiting."));
        }

        base.PostStop();
    }

    private void OnCancel(CoordinatorProtocol.Cancel cancel)
    {
        if (Withdraw(cancel.Owner, cancel.RequestId) is not { } waiter) return;
        Count(ref _counters.Cancellations, _metrics.Cancellations);
        OnCancelled(waiter);
    }

    /// <summary>The deadlock detector chose this wait to break a cycle: it ends with a <see cref="RejectionReason.Deadlock"/> rejection.</summary>
    private void OnFailWait(WaitReports.FailWait fail)
    {
        if (Withdraw(fail.Owner, fail.RequestId) is not { } waiter) return;
        Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.Deadlock,
            "This wait was failed to break a deadlock." + Environment.NewLine + fail.Message));
    }

    /// <summary>Takes a still-waiting request out, if it exists and may still be withdrawn (<see cref="CanCancel"/>).</summary>
    private Waiter? Withdraw(IActorRef? owner, long requestId)
    {
        if (owner is null || !_waiting.TryGetValue(new WaiterKey(owner, requestId), out var waiter) || !CanCancel(waiter)) return null;
        Drop(waiter);
        return waiter;
    }

    private void OnTerminated(IActorRef owner)
    {
        foreach (var queue in _queues)
        foreach (var waiter in queue.Snapshot())
        {
            if (!waiter.Owner.Equals(owner)) continue;
            Drop(waiter);
            if (!waiter.ReplyTo.Equals(owner))
                Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.OwnerTerminated, "The owner of this request terminated."));
        }

        OnOwnerTerminated(owner);
        Owners.Terminated(owner);
    }

    private void OnDeadlineTick()
    {
        _timerDeadline = MonotonicClock.Never;
        var now = MonotonicClock.Now;
        while (_deadlines.PopExpired(now) is { } waiter) Expire(waiter, stillInHeap: false);
        var next = _deadlines.Earliest();
        if (next != MonotonicClock.Never) ScheduleTimer(next);
    }

    /// <summary>
    /// Answers a waiter whose deadline passed. <paramref name="stillInHeap"/>: found in its queue before the timer
    /// fired (the heap entry goes stale); false when the heap itself handed it out.
    /// </summary>
    private void Expire(Waiter waiter, bool stillInHeap)
    {
        if (stillInHeap) Leave(waiter);
        else RemoveFromQueue(waiter);
        Owners.Remove(waiter.Owner);
        OnWaiterLeft(waiter);
        Count(ref _counters.Timeouts, _metrics.Timeouts);
        OnExpired(waiter);
    }

    private void OnGetStatistics(CoordinatorProtocol.GetStatistics get)
    {
        var statistics = _counters.ToStatistics(get.RequestId, Self.Path.Name, Kind, _waiting.Count);
        var (named, anonymous) = CurrentHolders();
        var waiting = System.Collections.Immutable.ImmutableList.CreateBuilder<IActorRef>();
        var oldest = MonotonicClock.Never;
        foreach (var queue in _queues)
            for (var waiter = queue.First; waiter is not null; waiter = waiter.Next)
            {
                waiting.Add(waiter.Owner);
                oldest = Math.Min(oldest, waiter.Since);
            }

        statistics = statistics with
        {
            Holders = [.. named],
            HeldAnonymously = anonymous,
            WaitingOwners = waiting.ToImmutable(),
            LongestWaitMs = oldest == MonotonicClock.Never ? 0 : System.Diagnostics.Stopwatch.GetElapsedTime(oldest).TotalMilliseconds,
        };
        Reply(DescribeStatistics(statistics));
    }

    private void Drop(Waiter waiter)
    {
        Leave(waiter);
        Owners.Remove(waiter.Owner);
        OnWaiterLeft(waiter);
    }

    /// <summary>Takes a waiter out of its queue, the index and the deadlines.</summary>
    private void Leave(Waiter waiter)
    {
        RemoveFromQueue(waiter);
        if (waiter.HasDeadline) _deadlines.Forget();
    }

    private void RemoveFromQueue(Waiter waiter)
    {
        _waitsFor?.Leaving(waiter);
        waiter.Queue!.Unlink(waiter);
        _waiting.Remove(waiter.Key);
    }

    /// <summary>
    /// Arms the one deadline timer. A deadline far away is approached in steps of at most <see cref="LongestTimerDelay"/>:
    /// a tick that finds nothing expired simply re-arms for the earliest deadline.
    /// </summary>
    private void ScheduleTimer(long deadline)
    {
        _timerDeadline = deadline;
        var delay = MonotonicClock.Until(deadline);
        Timers.StartSingleTimer(DeadlineTick.Instance, DeadlineTick.Instance, delay < LongestTimerDelay ? delay : LongestTimerDelay);
    }

    private static readonly TimeSpan LongestTimerDelay = TimeSpan.FromHours(1);

    private sealed class DeadlineTick
    {
        public static readonly DeadlineTick Instance = new();
    }

    /// <summary>Time to tell the deadlock detector of the waits that have lasted long enough.</summary>
    private sealed class ReportDueWaits
    {
        public static readonly ReportDueWaits Instance = new();
    }
}
