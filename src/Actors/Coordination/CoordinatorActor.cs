using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Coordination;

// Over 300 lines on purpose: this is the documented protected surface every coordinator is written against. The parts
// that are a job of their own live beside it: Internal/WaiterIndex (queues, index, deadlines), Internal/OwnerWatch,
// Diagnostics/WaitForReporter, CoordinatorCounters.

/// <summary>
/// What every coordinator shares: its waiters (a <see cref="WaiterIndex"/>), one timer for the earliest deadline,
/// DeathWatch on owners, cancellation, statistics, and replies that never go to nobody.
/// A primitive handles its own messages in <see cref="Handle"/> and keeps its own state; this class makes
/// sure that a waiter given up on (expired, cancelled, owner dead) is never granted afterwards.
/// </summary>
/// <remarks>
/// Expired waiters are answered (<see cref="OnExpired"/>) after the message that found them has been handled, never
/// from inside a primitive's own grant loop, so no primitive's code is re-entered.
/// </remarks>
internal abstract class CoordinatorActor : UntypedActor, IWithTimers, IWaitForSource
{
    private readonly WaiterIndex _waiters = new();
    private long _timerDeadline = MonotonicClock.Never;
    private WaitForReporter? _waitsFor;
    private string? _kind;
    private CoordinatorCounters _counters;
    private PrimitiveRegistry? _registry;

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

    /// <summary>
    /// Answers a waiter whose deadline passed; it has already left its queue. Called once the message during which the
    /// expiry was found has been handled, so the primitive may grant, hand over or break from here.
    /// </summary>
    protected abstract void OnExpired(Waiter waiter);

    /// <summary>Releases what <paramref name="owner"/> held; its waits have already been abandoned.</summary>
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
    /// The named owners holding the primitive, and whether anonymous owners hold some of it, for the deadlock detector
    /// and the statistics.
    /// </summary>
    protected virtual (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders() => ([], false);

    /// <summary>
    /// Adds what only the primitive knows (queue length, barrier round, ...) to the statistics reply.
    /// Holders and waiting owners are already filled in.
    /// </summary>
    protected virtual CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) => statistics;

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
        _waiters.Observer = _waitsFor;
    }

    /// <summary>The primitive's kind in metrics: the one given to <see cref="ReportWaitsFor"/>, else the class name without "Coordinator".</summary>
    protected string Kind => _kind ??= GetType().Name.Replace("Coordinator", "", StringComparison.Ordinal);

    /// <summary>Counts one grant (lock, re-entry, permit, queue item) in the statistics and the metrics.</summary>
    protected void CountAcquisition() => Count(ref _counters.Acquisitions, PrimitiveMetrics.Acquisitions);

    /// <summary>Counts one hold released because its owner terminated, in the statistics and the metrics.</summary>
    protected void CountOwnerDeathRelease() => Count(ref _counters.OwnerDeathReleases, PrimitiveMetrics.OwnerDeathReleases);

    /// <summary>Tells the deadlock reporting that the holders changed; costs a field test when nobody waits.</summary>
    protected void HoldersChanged() => _waitsFor?.HoldersChanged();

    protected sealed override void OnReceive(object message)
    {
        try
        {
            Dispatch(message);
            AnswerOverdue();
        }
        finally
        {
            _waitsFor?.Flush(Context);
        }
    }

    /// <summary>Creates a queue whose waiters this class manages.</summary>
    protected WaiterQueue NewQueue() => _waiters.NewQueue();

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
        if (!_waiters.TryAdd(queue, waiter))
        {
            Reject(requestId, RejectionReason.DuplicateRequest, $"Request {requestId} of this owner is already waiting.");
            return null;
        }

        _waitsFor?.Joined(waiter, CanCancel(waiter));
        Owners.Add(owner);
        if (waiter.HasDeadline && waiter.Deadline < _timerDeadline) ScheduleTimer(waiter.Deadline);
        return waiter;
    }

    /// <summary>
    /// Takes the oldest waiter of <paramref name="queue"/> that may still be granted: <see cref="PeekNext"/>, then
    /// <see cref="Dequeue"/>.
    /// </summary>
    /// <param name="queue">The queue to take from.</param>
    /// <param name="keepsWatch">See <see cref="Dequeue"/>.</param>
    protected Waiter? DequeueNext(WaiterQueue queue, bool keepsWatch) => PeekNext(queue) is { } waiter ? Dequeue(waiter, keepsWatch) : null;

    /// <summary>
    /// The oldest waiter of <paramref name="queue"/> that may still be granted, left in place. Waiters whose deadline
    /// has passed but whose timer has not fired yet leave the queue on the way and are answered as expired once the
    /// current message has been handled: a grant never goes out late.
    /// </summary>
    protected Waiter? PeekNext(WaiterQueue queue) => _waiters.PeekLive(queue, MonotonicClock.Now);

    /// <summary>Takes <paramref name="waiter"/>, found by <see cref="PeekNext"/>, out of its queue to be granted.</summary>
    /// <param name="waiter">The waiter.</param>
    /// <param name="keepsWatch">
    /// True if the waiter's owner will hold something after the grant: its wait turns into a hold and the owner
    /// stays watched without a second watch. False if the grant leaves the owner holding nothing.
    /// </param>
    protected Waiter Dequeue(Waiter waiter, bool keepsWatch)
    {
        _waiters.Remove(waiter);
        if (!keepsWatch) Owners.Remove(waiter.Owner);
        PrimitiveMetrics.RecordWait(_counters.RecordWait(MonotonicClock.Now - waiter.Since), Self.Path.Name, Kind);
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
        base.PreStart();
    }

    protected override void PostStop()
    {
        _registry?.Remove(Self);
        foreach (var queue in _waiters.Queues)
        foreach (var waiter in queue.Snapshot())
        {
            _waiters.Remove(waiter);
            Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.CoordinatorStopped, "The coordinator was stopped while the request was waiting."));
        }

        base.PostStop();
    }

    (IReadOnlyList<IActorRef> Named, bool Anonymous) IWaitForSource.CurrentHolders() => CurrentHolders();

    void IWaitForSource.ScheduleWaitReportCheck(TimeSpan delay) => Timers.StartSingleTimer(ReportDueWaits.Instance, ReportDueWaits.Instance, delay);

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

    private void OnCancel(CoordinatorProtocol.Cancel cancel)
    {
        if (Withdraw(cancel.Owner, cancel.RequestId) is not { } waiter) return;
        Count(ref _counters.Cancellations, PrimitiveMetrics.Cancellations);
        OnCancelled(waiter);
    }

    /// <summary>The deadlock detector chose this wait to break a cycle: it ends with a <see cref="RejectionReason.Deadlock"/> rejection.</summary>
    private void OnFailWait(WaitReports.FailWait fail)
    {
        if (Withdraw(fail.Owner, fail.RequestId) is not { } waiter) return;
        Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.Deadlock,
            "This wait was failed to break a deadlock." + Environment.NewLine + fail.Message));
    }

    /// <summary>Takes a still-waiting request out on its requester's behalf, if it exists and may still be withdrawn (<see cref="CanCancel"/>).</summary>
    private Waiter? Withdraw(IActorRef? owner, long requestId)
    {
        if (owner is null || _waiters.Find(owner, requestId) is not { } waiter || !CanCancel(waiter)) return null;
        _waiters.Remove(waiter);
        Abandon(waiter);
        return waiter;
    }

    private void OnTerminated(IActorRef owner)
    {
        foreach (var queue in _waiters.Queues)
        foreach (var waiter in queue.Snapshot())
        {
            if (!waiter.Owner.Equals(owner)) continue;
            _waiters.Remove(waiter);
            Abandon(waiter);
            if (!waiter.ReplyTo.Equals(owner))
                Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.OwnerTerminated, "The owner of this request terminated."));
        }

        OnOwnerTerminated(owner);
        Owners.Terminated(owner);
    }

    private void OnDeadlineTick()
    {
        _timerDeadline = MonotonicClock.Never;
        _waiters.CollectExpired(MonotonicClock.Now);
        if (_waiters.EarliestDeadline is var next && next != MonotonicClock.Never) ScheduleTimer(next);
    }

    /// <summary>
    /// Answers the waiters found overdue while the message was handled. An answer may grant others and so find more
    /// overdue waiters; they are answered in the same pass.
    /// </summary>
    private void AnswerOverdue()
    {
        while (_waiters.TakeOverdue() is { } waiter)
        {
            Abandon(waiter);
            Count(ref _counters.Timeouts, PrimitiveMetrics.Timeouts);
            OnExpired(waiter);
        }
    }

    /// <summary>What follows for a waiter that left its queue without a grant: its owner's watch and the primitive's bookkeeping.</summary>
    private void Abandon(Waiter waiter)
    {
        Owners.Remove(waiter.Owner);
        OnWaiterLeft(waiter);
    }

    private void OnGetStatistics(CoordinatorProtocol.GetStatistics get)
    {
        var statistics = _counters.ToStatistics(get.RequestId, Self.Path.Name, Kind, _waiters.Count);
        var (named, anonymous) = CurrentHolders();
        var waiting = System.Collections.Immutable.ImmutableList.CreateBuilder<IActorRef>();
        foreach (var queue in _waiters.Queues)
            for (var waiter = queue.First; waiter is not null; waiter = waiter.Next)
                waiting.Add(waiter.Owner);
        statistics = statistics with
        {
            Holders = [.. named],
            HeldAnonymously = anonymous,
            WaitingOwners = waiting.ToImmutable(),
        };
        Reply(DescribeStatistics(statistics));
    }

    /// <summary>The one place an event is counted: in the coordinator's own statistics and on the meter together.</summary>
    private void Count(ref long tally, System.Diagnostics.Metrics.Counter<long> metric)
    {
        tally++;
        PrimitiveMetrics.Count(metric, Self.Path.Name, Kind);
    }

    /// <summary>Arms the one deadline timer, approaching a far deadline in steps (<see cref="LongTimer"/>).</summary>
    private void ScheduleTimer(long deadline)
    {
        _timerDeadline = deadline;
        Timers.StartSingleTimer(DeadlineTick.Instance, DeadlineTick.Instance, LongTimer.NextStep(deadline));
    }

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
