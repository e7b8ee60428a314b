using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Coordination;

// Over 300 lines on purpose: this is the documented surface every coordinator is written against. The parts that are a
// job of their own live beside it: Internal/WaiterIndex (queues, index, deadlines), Internal/OwnerWatch,
// Diagnostics/WaitForReporter, CoordinatorCounters, the holds (Coordinator.Holds.cs), and the actor that hosts it, CoordinatorActor.

/// <summary>
/// The behaviour of one primitive's coordinator, apart from the actor that runs it: the primitive's state and what
/// every coordinator shares — its waiters (a <see cref="WaiterIndex"/>), one timer for the earliest deadline, DeathWatch
/// on owners, cancellation, statistics, and replies that never go to nobody. A primitive handles its own messages in
/// <see cref="Handle"/>; this class makes sure that a waiter given up on (expired, cancelled, owner dead) is never
/// granted afterwards.
/// </summary>
/// <remarks>
/// <para>An actor hosts the behaviour (<see cref="ICoordinatorHost"/>): in one process the library's own
/// <c>CoordinatorActor</c>; across a cluster, an entity of the cluster package that also makes the state durable. The
/// host calls <see cref="Attach"/> once, then <see cref="Started"/>, <see cref="Receive"/> for every message and
/// <see cref="Stopped"/> at the end. Only the library defines primitives: the members a primitive is written against
/// are not public.</para>
/// <para>Expired waiters are answered (<see cref="OnExpired"/>) after the message that found them has been handled,
/// never from inside a primitive's own grant loop, so no primitive's code is re-entered.</para>
/// </remarks>
public abstract partial class Coordinator : IWaitForSource
{
    private readonly WaiterIndex _waiters = new();
    private long _timerDeadline = MonotonicClock.Never;
    private WaitForReporter? _waitsFor;
    private string? _kind;
    private CoordinatorCounters _counters;
    private PrimitiveRegistry? _registry;
    private PrimitiveInstruments _metrics = null!;
    private CoordinatorGauges? _gauges;
    private ICoordinatorHost? _host;
    private WaiterQueue? _reportedQueue;
    private readonly List<IDurableEvent> _durableEvents = [];
    private int _eventsSinceSnapshot;
    private long _weightSinceSnapshot;
    private long _snapshotWeight;

    private protected Coordinator()
    {
    }

    /// <summary>Binds the behaviour to the actor that runs it; called once, before any other call.</summary>
    /// <exception cref="InvalidOperationException">The behaviour already has a host.</exception>
    public void Attach(ICoordinatorHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (_host is not null) throw new InvalidOperationException("This coordinator behaviour already has a host; make a new one per actor.");
        _host = host;
        Owners = new OwnerWatch(host.Context);
        SchedulerWarmUp.Ensure(host.Context.System);
        if (_reportedQueue is not null) StartWaitReporting(_reportedQueue);
    }

    /// <summary>The hosting actor's context: its self, the current sender, its system, DeathWatch.</summary>
    private protected IActorContext Context => Host.Context;

    /// <summary>The hosting actor.</summary>
    private protected IActorRef Self => Host.Context.Self;

    /// <summary>The sender of the message being handled.</summary>
    private protected IActorRef Sender => Host.Context.Sender;

    /// <summary>The hosting actor's timers.</summary>
    private protected ITimerScheduler Timers => Host.Timers;

    /// <summary>The owners this coordinator watches because they hold or wait for something.</summary>
    private protected OwnerWatch Owners { get; private set; } = null!;

    private ICoordinatorHost Host => _host ?? throw new InvalidOperationException("The coordinator behaviour has no host yet: call Attach first.");

    /// <summary>Handles a message of the primitive's own protocol; false if it is not one.</summary>
    private protected abstract bool Handle(object message);

    /// <summary>
    /// Answers a waiter whose deadline passed; it has already left its queue. Called once the message during which the
    /// expiry was found has been handled, so the primitive may grant, hand over or break from here.
    /// </summary>
    private protected abstract void OnExpired(Waiter waiter);

    /// <summary>Releases what <paramref name="owner"/> held; its waits have already been abandoned.</summary>
    private protected abstract void OnOwnerTerminated(IActorRef owner);

    /// <summary>Called after a waiter left its queue without a grant (cancelled, expired, owner died).</summary>
    private protected virtual void OnWaiterLeft(Waiter waiter)
    {
    }

    /// <summary>
    /// Called after <see cref="OnWaiterLeft"/> for a waiter that left because its owner terminated, before
    /// <see cref="OnOwnerTerminated"/>: a waiter that carries a released hold's watchers (a condition wait) tells them.
    /// </summary>
    private protected virtual void OnWaiterOwnerTerminated(Waiter waiter)
    {
    }

    /// <summary>
    /// Whether a <see cref="CoordinatorProtocol.Cancel"/> may still withdraw <paramref name="waiter"/>. A waiter past
    /// the point of no return (a condition waiter already notified, now waiting only to hold the lock again) says no.
    /// </summary>
    private protected virtual bool CanCancel(Waiter waiter) => true;

    /// <summary>Answers a waiter withdrawn by a cancel; it has already left its queue. By default: <see cref="CoordinatorProtocol.Cancelled"/>.</summary>
    private protected virtual void OnCancelled(Waiter waiter) => Send(waiter.ReplyTo, new CoordinatorProtocol.Cancelled(waiter.RequestId));

    /// <summary>
    /// The named owners holding the primitive, and whether anonymous owners hold some of it, for the deadlock detector
    /// and the statistics.
    /// </summary>
    private protected virtual (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders() => ([], false);

    /// <summary>
    /// Adds what only the primitive knows (queue length, barrier round, ...) to the statistics reply.
    /// Holders and waiting owners are already filled in.
    /// </summary>
    private protected virtual CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) => statistics;

    /// <summary>
    /// Makes the waiters of <paramref name="queue"/> wait-for edges for the deadlock detector: they wait until a holder
    /// (see <see cref="CurrentHolders"/>) lets go. <paramref name="kind"/> names the primitive in reports.
    /// </summary>
    private protected void ReportWaitsFor(WaiterQueue queue, string kind)
    {
        _kind = kind;
        _reportedQueue = queue;
        if (_host is not null) StartWaitReporting(queue);
    }

    private void StartWaitReporting(WaiterQueue queue)
    {
        var settings = WaitReporting.SettingsOf(Context.System);
        if (!settings.Enabled) return;
        _waitsFor = new WaitForReporter(queue, Kind, settings.ReportAfter, this);
        _waiters.Observer = _waitsFor;
    }

    /// <summary>The primitive's kind in metrics: the one given to <see cref="ReportWaitsFor"/>, else the class name without "Coordinator".</summary>
    private protected string Kind => _kind ??= GetType().Name.Replace("Coordinator", "", StringComparison.Ordinal);

    /// <summary>Counts one grant (lock, re-entry, permit, queue item) in the statistics and the metrics.</summary>
    private protected void CountAcquisition() => Count(ref _counters.Acquisitions, _metrics.Acquisitions);

    /// <summary>Counts one hold released because its owner terminated, in the statistics and the metrics.</summary>
    private protected void CountOwnerDeathRelease() => Count(ref _counters.OwnerDeathReleases, _metrics.OwnerDeathReleases);

    /// <summary>
    /// Publishes what only the primitive knows (holders, queue length) for the metrics' observable instruments; called
    /// after every message, so it only copies fields.
    /// </summary>
    private protected virtual void PublishGauges(CoordinatorGauges gauges)
    {
    }

    /// <summary>Tells the deadlock reporting that the holders changed; costs a field test when nobody waits.</summary>
    private protected void HoldersChanged() => _waitsFor?.HoldersChanged();

    /// <summary>
    /// True when handling the last message changed the primitive's durable state (<see cref="IDurableState"/>): a
    /// durable host persists <see cref="CaptureDurableState"/> before it lets that message's replies go out.
    /// </summary>
    public bool DurableStateChanged { get; private set; }

    /// <summary>
    /// True when nothing holds the primitive (no lock holder, no permit out, no queued item or unfinished task) and
    /// nobody waits for it: a host that keeps the durable state may stop it and start it again from that state.
    /// </summary>
    public bool IsIdle => _waiters.Count == 0 && !IsInUse;

    /// <summary>Whether something holds the primitive; by default whether <see cref="CurrentHolders"/> names any holder.</summary>
    private protected virtual bool IsInUse => CurrentHolders() is var (named, anonymous) && (anonymous || named.Count > 0);

    /// <summary>The primitive's durable state now; clears <see cref="DurableStateChanged"/>.</summary>
    /// <remarks>For a primitive that journals events, this is the snapshot: it also starts the count that <see cref="IsSnapshotDue"/> reads afresh.</remarks>
    /// <exception cref="NotSupportedException">The primitive has no durable form (threads, timers).</exception>
    public IDurableState CaptureDurableState()
    {
        DurableStateChanged = false;
        var state = DescribeDurableState();
        StartSnapshotCount();
        return state;
    }

    /// <summary>
    /// The changes of the durable state that the messages handled since the last call made, in order, as events (the
    /// items put, the items taken, ...); clears them and <see cref="DurableStateChanged"/>. Empty for a primitive that
    /// journals its whole state (<see cref="CaptureDurableState"/>) instead: a durable host persists these events when
    /// there are any, else the whole state, and lets the messages' replies go out only once they are stored.
    /// </summary>
    public IReadOnlyList<IDurableEvent> TakeDurableEvents()
    {
        if (_durableEvents.Count == 0) return [];
        var events = _durableEvents.ToArray();
        _durableEvents.Clear();
        DurableStateChanged = false;
        return events;
    }

    /// <summary>
    /// Replays one journalled event on a new coordinator, after <see cref="Attach"/>, after the snapshot it follows
    /// (<see cref="RestoreDurableState"/>, if there is one) and before <see cref="Started"/>. Owners in it are watched
    /// again, as by <see cref="RestoreDurableState"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The event is not this primitive's, or does not fit its state (a journal of
    /// another primitive, or corrupted).</exception>
    /// <exception cref="NotSupportedException">The primitive journals its whole state, not events.</exception>
    public void ApplyDurableEvent(IDurableEvent durableEvent)
    {
        ArgumentNullException.ThrowIfNull(durableEvent);
        ReplayDurableEvent(durableEvent);
        CountJournalled(durableEvent);
        _durableEvents.Clear();
        DurableStateChanged = false;
    }

    /// <summary>
    /// Whether a host that journals this primitive's events should store a snapshot (<see cref="CaptureDurableState"/>)
    /// now: at least <paramref name="minimumEvents"/> events were journalled since the last one, and together they moved
    /// at least as many items as that snapshot held. A large state is thus stored again only after as much journal, so
    /// its cost per event stays constant and recovery reads a snapshot and a tail no larger than it.
    /// </summary>
    /// <param name="minimumEvents">The fewest events between two snapshots (the host's setting).</param>
    public bool IsSnapshotDue(int minimumEvents) => _eventsSinceSnapshot >= minimumEvents && _weightSinceSnapshot >= _snapshotWeight;

    /// <summary>
    /// Gives a new coordinator the durable state a previous one captured, after <see cref="Attach"/> and before
    /// <see cref="Started"/>. Holders in it are watched again, so a holder that died meanwhile releases what it held.
    /// </summary>
    /// <exception cref="ArgumentException">The state is not this primitive's (another kind, or impossible values); the
    /// coordinator is left as it was.</exception>
    public void RestoreDurableState(IDurableState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ApplyDurableState(state);
        _durableEvents.Clear();
        DurableStateChanged = false;
        StartSnapshotCount();
    }

    /// <summary>Notes that the durable state changed while the current message is handled.</summary>
    private protected void MarkDurableStateChanged() => DurableStateChanged = true;

    /// <summary>Notes a change of the durable state as an event for the host to journal (see <see cref="TakeDurableEvents"/>).</summary>
    private protected void RecordDurableEvent(IDurableEvent durableEvent)
    {
        _durableEvents.Add(durableEvent);
        CountJournalled(durableEvent);
        DurableStateChanged = true;
    }

    /// <summary>Applies an event that <see cref="RecordDurableEvent"/> recorded; primitives that journal their whole state keep this default, which refuses.</summary>
    private protected virtual void ReplayDurableEvent(IDurableEvent durableEvent) =>
        throw new NotSupportedException($"A {Kind} journals its whole state, not events.");

    /// <summary>How much an event moves (a queue: its items), weighed against <see cref="DurableStateWeight"/> for <see cref="IsSnapshotDue"/>.</summary>
    private protected virtual int WeightOf(IDurableEvent durableEvent) => 1;

    /// <summary>How large the durable state is in the unit of <see cref="WeightOf"/> (a queue: its items).</summary>
    private protected virtual long DurableStateWeight => 1;

    private void CountJournalled(IDurableEvent durableEvent)
    {
        _eventsSinceSnapshot++;
        _weightSinceSnapshot += WeightOf(durableEvent);
    }

    private void StartSnapshotCount()
    {
        _eventsSinceSnapshot = 0;
        _weightSinceSnapshot = 0;
        _snapshotWeight = DurableStateWeight;
    }

    /// <summary>The primitive's <see cref="IDurableState"/>; primitives without one keep this default, which refuses.</summary>
    private protected virtual IDurableState DescribeDurableState() =>
        throw new NotSupportedException($"A {Kind} has no durable state: it stays in one process.");

    /// <summary>Takes over a state that <see cref="DescribeDurableState"/> made; throws <see cref="ArgumentException"/> for a foreign one.</summary>
    private protected virtual void ApplyDurableState(IDurableState state) =>
        throw new NotSupportedException($"A {Kind} has no durable state: it stays in one process.");

    /// <summary>The exception for a state that is not this primitive's.</summary>
    private protected ArgumentException ForeignState(IDurableState state, string? why = null) =>
        new($"A {Kind} coordinator cannot take over {state.GetType().Name}{(why is null ? "" : ": " + why)}.", nameof(state));

    /// <summary>Handles one message sent to the hosting actor; what no coordinator understands goes to the host's unhandled.</summary>
    public void Receive(object message)
    {
        try
        {
            Dispatch(message);
            AnswerOverdue();
        }
        finally
        {
            _waitsFor?.Flush(Context);
            Publish();
        }
    }

    /// <summary>Creates a queue whose waiters this class manages.</summary>
    private protected WaiterQueue NewQueue() => _waiters.NewQueue();

    /// <summary>
    /// Checks the parts every waiting request shares (owner present, timeout valid) and rejects the request if
    /// they are wrong. <paramref name="ownerRequired"/> refuses the anonymous owner.
    /// </summary>
    private protected bool Validate(long requestId, IActorRef? owner, TimeSpan? timeout, bool ownerRequired = false)
    {
        if (owner is null)
            return Reject(requestId, RejectionReason.InvalidArgument, "The request names no owner; use ActorRefs.Nobody for the anonymous owner.");
        if (OwnerWatch.IsKnownDead(owner))
            return Reject(requestId, RejectionReason.OwnerTerminated, $"The owner {owner.Path} has terminated: nothing is granted to it.");
        if (ownerRequired && OwnerWatch.IsAnonymous(owner))
            return Reject(requestId, RejectionReason.InvalidArgument, "This primitive needs an owner (an actor or an ActorOwner handle), not the anonymous owner.");
        if (!Timeouts.IsValid(timeout))
            return Reject(requestId, RejectionReason.InvalidArgument, Timeouts.InvalidMessage);
        return true;
    }

    /// <summary>True if the request does not wait (timeout zero): it must be answered now.</summary>
    private protected static bool IsNonBlocking(TimeSpan? timeout) => timeout == TimeSpan.Zero;

    /// <summary>
    /// Puts the current message's request at the back of <paramref name="queue"/> and watches its owner.
    /// Rejects it (and returns null) if the owner already waits with the same request id.
    /// </summary>
    private protected Waiter? Enqueue(WaiterQueue queue, long requestId, IActorRef owner, TimeSpan? timeout, object? payload = null) =>
        Enqueue(queue, requestId, owner, Sender, timeout, payload);

    /// <summary>Like <see cref="Enqueue(WaiterQueue, long, IActorRef, TimeSpan?, object?)"/>, answering <paramref name="replyTo"/> rather than the sender.</summary>
    private protected Waiter? Enqueue(WaiterQueue queue, long requestId, IActorRef owner, IActorRef replyTo, TimeSpan? timeout, object? payload)
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
    private protected Waiter? DequeueNext(WaiterQueue queue, bool keepsWatch) => PeekNext(queue) is { } waiter ? Dequeue(waiter, keepsWatch) : null;

    /// <summary>
    /// The oldest waiter of <paramref name="queue"/> that may still be granted, left in place. Waiters whose deadline
    /// has passed but whose timer has not fired yet leave the queue on the way and are answered as expired once the
    /// current message has been handled: a grant never goes out late.
    /// </summary>
    private protected Waiter? PeekNext(WaiterQueue queue) => _waiters.PeekLive(queue, MonotonicClock.Now);

    /// <summary>Takes <paramref name="waiter"/>, found by <see cref="PeekNext"/>, out of its queue to be granted.</summary>
    /// <param name="waiter">The waiter.</param>
    /// <param name="keepsWatch">
    /// True if the waiter's owner will hold something after the grant: its wait turns into a hold and the owner
    /// stays watched without a second watch. False if the grant leaves the owner holding nothing.
    /// </param>
    private protected Waiter Dequeue(Waiter waiter, bool keepsWatch)
    {
        _waiters.Remove(waiter);
        if (!keepsWatch) Owners.Remove(waiter.Owner);
        _metrics.RecordWait(_counters.RecordWait(MonotonicClock.Now - waiter.Since) / 1000, _gauges!);
        return waiter;
    }

    /// <summary>Sends <paramref name="reply"/> to the current message's sender, unless nobody is listening.</summary>
    private protected void Reply(object reply) => Send(Sender, reply);

    /// <summary>Sends <paramref name="reply"/> to <paramref name="to"/>, unless it is nobody or dead letters.</summary>
    private protected void Send(IActorRef to, object reply)
    {
        if (!to.IsNobody()) Host.Send(to, reply);
    }

    /// <summary>Answers the current message with a rejection. Returns false so that validators can return it.</summary>
    private protected bool Reject(long requestId, RejectionReason reason, string message)
    {
        Reply(new CoordinatorProtocol.Rejected(requestId, reason, message));
        return false;
    }

    /// <summary>The hosting actor has started: the coordinator joins its system's <see cref="PrimitiveRegistry"/>.</summary>
    public void Started()
    {
        _registry = PrimitiveRegistry.Get(Context.System);
        _registry.Add(Self);
        _metrics = PrimitiveMeter.InstrumentsOf(Context.System);
        _gauges = _metrics.Track(Self.Path.Name, Kind);
        WarnOfOverriddenMaxHoldTime();
        Publish();
    }

    /// <summary>The hosting actor has stopped: every waiter is answered <see cref="RejectionReason.CoordinatorStopped"/>.</summary>
    public void Stopped()
    {
        OnStopping();
        _registry?.Remove(Self);
        if (_gauges is not null) _metrics.Untrack(_gauges);
        foreach (var queue in _waiters.Queues)
        foreach (var waiter in queue.Snapshot())
        {
            _waiters.Remove(waiter);
            Send(waiter.ReplyTo, new CoordinatorProtocol.Rejected(waiter.RequestId, RejectionReason.CoordinatorStopped, "The coordinator was stopped while the request was waiting."));
        }
    }

    /// <summary>Called first when the hosting actor stops, before the waiters are answered.</summary>
    private protected virtual void OnStopping()
    {
    }

    (IReadOnlyList<IActorRef> Named, bool Anonymous) IWaitForSource.CurrentHolders() => CurrentHolders();

    void IWaitForSource.ScheduleWaitReportCheck(TimeSpan delay) => Timers.StartSingleTimer(ReportDueWaits.Instance, ReportDueWaits.Instance, delay);

    private void Dispatch(object message)
    {
        if (Handle(message) || HandleHoldMessage(message)) return;
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
                Host.Unhandled(message);
                break;
        }
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
            OnWaiterOwnerTerminated(waiter);
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
            if (waiter.IsHoldTerm)
            {
                HoldTermExpired(waiter);
                continue;
            }

            Abandon(waiter);
            Count(ref _counters.Timeouts, _metrics.Timeouts);
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
        var statistics = _counters.ToStatistics(get.RequestId, Self.Path.Name, Kind, _waiters.Count) with { MaxHoldTime = MaxHoldTime };
        var (named, anonymous) = CurrentHolders();
        var waiting = System.Collections.Immutable.ImmutableList.CreateBuilder<IActorRef>();
        var oldest = MonotonicClock.Never;
        foreach (var queue in _waiters.Queues)
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

    /// <summary>The one place an event is counted: in the coordinator's own statistics and on the meter together.</summary>
    private void Count(ref long tally, System.Diagnostics.Metrics.Counter<long> metric)
    {
        tally++;
        PrimitiveInstruments.Count(metric, _gauges!);
    }

    /// <summary>Copies the current waiters and the primitive's own values (<see cref="PublishGauges"/>) for the observable instruments.</summary>
    private void Publish()
    {
        if (_gauges is null) return;
        _gauges.Waiters = _waiters.Count;
        PublishGauges(_gauges);
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
