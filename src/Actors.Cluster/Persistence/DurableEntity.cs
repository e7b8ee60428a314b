using Actors.Coordination;
using Actors.Protocol;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;

namespace Actors.Cluster.Persistence;

/// <summary>
/// The entity of a named primitive whose state outlives its actor: a persistent actor that hosts the core's coordinator
/// behaviour (<see cref="ICoordinatorHost"/>), journals the primitive's <see cref="IDurableState"/> after every message
/// that changed it (a queue: the <see cref="IDurableEvent"/>s the message produced), and holds that message's replies
/// until the change is stored — so no grant or acknowledged put ever goes out that a crash could take back. A new
/// incarnation (hand-off, rebalance, passivation, the crash of its node) recovers the latest state: the same holders,
/// watched again, and fencing tokens that continue above every token handed out.
/// </summary>
/// <remarks>
/// Waiting requests are not persisted: a wait belongs to a live caller, who learns of a lost wait from its own timeout.
/// Every <see cref="PersistenceOptions.SnapshotEvery"/> stored states a snapshot is saved, so recovery reads a snapshot
/// and a short tail; a primitive that journals events is snapshotted when <see cref="Coordinator.IsSnapshotDue"/> says
/// so; after a snapshot is saved the events and snapshots behind it are deleted (one deletion of each kind in flight at a time), so the journal stays short. Events are written without stopping the entity (Akka's <c>PersistAllAsync</c>): the messages that arrive
/// meanwhile are handled and their events batched into the next write, their replies held until their own events are
/// stored, and replies that changed nothing go out only after the events before them (<c>DeferAsync</c>). A message
/// that arrives while a whole state (or the events before a snapshot) is being stored waits (Akka.Persistence's stash).
/// Sharding stops it with <see cref="StopEntity"/>, handled after that stash, never with <c>PoisonPill</c>, which would
/// drop the requests stashed while it recovers or stores a state. An entity whose coordinator is idle
/// (<see cref="Coordinator.IsIdle"/>) for <see cref="PersistenceOptions.PassivateIdleAfter"/> asks its shard to
/// passivate it; one that holds or queues anything never does.
/// A journal it cannot read back (a corrupted or foreign entry) fails its recovery: the error is logged naming the
/// primitive, the requests that waited for the recovery are refused (<see cref="RejectionReason.Unrecoverable"/>) and
/// the entity stops, so every later request meets the same refusal; it never starts empty.
/// </remarks>
internal sealed class DurableEntity : UntypedPersistentActor, IWithTimers, ICoordinatorHost
{
    private readonly Coordinator _coordinator;
    private readonly PersistenceOptions _options;
    private readonly List<(IActorRef To, object Message)> _held = [];
    private readonly string _entityId;
    private readonly SerialDeletion _eventDeletion;
    private readonly SerialDeletion _snapshotDeletion;
    private List<(IActorRef To, IRequest Request)>? _waitingForRecovery;
    private bool _handling;

    public DurableEntity(string entityId, Func<Coordinator> behavior, PersistenceOptions options)
    {
        _entityId = entityId;
        PersistenceId = PersistenceIdOf(entityId);
        JournalPluginId = options.JournalPluginIdOrDefault;
        SnapshotPluginId = options.SnapshotPluginIdOrDefault;
        _options = options;
        _coordinator = behavior();
        _coordinator.Attach(this);
        _eventDeletion = new SerialDeletion(DeleteMessages);
        _snapshotDeletion = new SerialDeletion(sequenceNr => DeleteSnapshots(new SnapshotSelectionCriteria(sequenceNr)));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    IActorContext ICoordinatorHost.Context => Context;

    /// <inheritdoc />
    void ICoordinatorHost.Unhandled(object message) => Unhandled(message);

    /// <inheritdoc />
    void ICoordinatorHost.Send(IActorRef to, object message)
    {
        if (_handling) _held.Add((to, message));
        else to.Tell(message, Self);
    }

    /// <summary>The persistence id under which the entity <paramref name="entityId"/> journals its state.</summary>
    public static string PersistenceIdOf(string entityId) => $"actors-primitive:{entityId}";

    /// <summary>The props of the entity <paramref name="entityId"/> hosting what <paramref name="behavior"/> makes.</summary>
    public static Props Props(string entityId, Func<Coordinator> behavior, PersistenceOptions options) =>
        Akka.Actor.Props.Create(() => new DurableEntity(entityId, behavior, options));

    /// <inheritdoc />
    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: IDurableState state }:
                _coordinator.RestoreDurableState(state);
                break;
            case SnapshotOffer offer:
                throw new InvalidOperationException($"The snapshot is a {offer.Snapshot?.GetType().Name ?? "null"}, not a primitive's durable state.");
            case IDurableState state:
                _coordinator.RestoreDurableState(state);
                break;
            case IDurableEvent durableEvent:
                _coordinator.ApplyDurableEvent(durableEvent);
                break;
            case RecoveryCompleted:
                _waitingForRecovery = null;
                _coordinator.Started();
                PassivateWhenIdle();
                break;
            default:
                throw new InvalidOperationException($"The journal holds a {message.GetType().Name}, not a primitive's durable state.");
        }
    }

    /// <summary>Notes the requests that wait for the recovery (Akka.Persistence stashes them), to refuse them if it fails.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        if (IsRecovering && message is IRequest request) (_waitingForRecovery ??= []).Add((Sender, request));
        return base.AroundReceive(receive, message);
    }

    /// <summary>
    /// Logs which primitive could not be recovered and why, and refuses the requests that waited for it; Akka.Persistence
    /// stops the entity next, so it never serves a state it could not read.
    /// </summary>
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        var refusal = $"The primitive '{_entityId}' could not be recovered from its journal ({PersistenceId}) and refuses requests " +
                      $"rather than start empty: {reason.GetType().Name}: {reason.Message}";
        Context.GetLogger().Error(reason, "{0}{1}", refusal, message is null ? "" : $" (while replaying a {message.GetType().Name})");
        foreach (var (to, request) in _waitingForRecovery ?? [])
            to.Tell(new CoordinatorProtocol.Rejected(request.RequestId, RejectionReason.Unrecoverable, refusal), Self);
        _waitingForRecovery = null;
    }

    /// <inheritdoc />
    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case SaveSnapshotSuccess saved:
                DeleteBehind(saved.Metadata.SequenceNr);
                return;
            case SaveSnapshotFailure failed:
                WarnStoreFailure("save a snapshot", failed.Cause);
                return;
            case DeleteMessagesFailure failed:
                WarnStoreFailure("delete the events behind its snapshot", failed.Cause);
                _eventDeletion.Ended();
                return;
            case DeleteSnapshotsFailure failed:
                WarnStoreFailure("delete its older snapshots", failed.Cause);
                _snapshotDeletion.Ended();
                return;
            case DeleteMessagesSuccess:
                _eventDeletion.Ended();
                return;
            case DeleteSnapshotsSuccess:
                _snapshotDeletion.Ended();
                return;
            case StopEntity:
                // After the events still being stored, so that their replies go out.
                DeferAsync(StopEntity.Instance, _ => Context.Stop(Self));
                return;
            case PassivateIfIdle:
                if (_coordinator.IsIdle) Context.Parent.Tell(new Passivate(StopEntity.Instance));
                return;
        }

        _handling = true;
        try
        {
            _coordinator.Receive(message);
        }
        finally
        {
            _handling = false;
        }

        var replies = _held.ToArray();
        _held.Clear();
        PassivateWhenIdle();
        if (!_coordinator.DurableStateChanged)
        {
            // Behind the events still being stored, if any; at once otherwise.
            DeferAsync(replies, Flush);
            return;
        }

        if (_coordinator.TakeDurableEvents() is { Count: > 0 } events)
        {
            PersistEvents(events, replies);
            return;
        }

        var state = _coordinator.CaptureDurableState();
        Persist(state, stored =>
        {
            Flush(replies);
            if (LastSequenceNr % _options.SnapshotEveryOrDefault == 0) SaveSnapshot(stored);
        });
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _coordinator.Stopped();
        base.PostStop();
    }

    /// <summary>
    /// Journals <paramref name="events"/> and lets <paramref name="replies"/> go out once the last is stored. A snapshot
    /// that is due is taken with a write that holds back the next messages, so that it is the state these events end in.
    /// </summary>
    private void PersistEvents(IReadOnlyList<IDurableEvent> events, (IActorRef To, object Message)[] replies)
    {
        var unstored = events.Count;
        if (!_coordinator.IsSnapshotDue(_options.SnapshotEveryOrDefault))
        {
            PersistAllAsync(events, _ =>
            {
                if (--unstored == 0) Flush(replies);
            });
            return;
        }

        PersistAll(events, _ =>
        {
            if (--unstored > 0) return;
            Flush(replies);
            SaveSnapshot(_coordinator.CaptureDurableState());
        });
    }


    /// <summary>
    /// Deletes the events up to the snapshot at <paramref name="sequenceNr"/> and the snapshots before it, one deletion
    /// of each kind at a time (<see cref="SerialDeletion"/>).
    /// </summary>
    private void DeleteBehind(long sequenceNr)
    {
        _eventDeletion.Request(sequenceNr);
        _snapshotDeletion.Request(sequenceNr - 1);
    }

    /// <summary>Arms (or re-arms) the idle timer while the coordinator is idle, and cancels it while it is not.</summary>
    private void PassivateWhenIdle()
    {
        if (_options.PassivateIdleAfterOrDefault == Timeout.InfiniteTimeSpan) return;
        if (_coordinator.IsIdle) Timers.StartSingleTimer(PassivateIfIdle.Instance, PassivateIfIdle.Instance, _options.PassivateIdleAfterOrDefault);
        else Timers.Cancel(PassivateIfIdle.Instance);
    }

    /// <summary>A clean-up that failed costs only a longer recovery (the next snapshot tries again): worth a warning.</summary>
    private void WarnStoreFailure(string what, Exception cause) =>
        Context.GetLogger().Warning(cause, "The primitive '{0}' could not {1}: {2}", _entityId, what, cause.Message);

    private void Flush((IActorRef To, object Message)[] replies)
    {
        foreach (var (to, reply) in replies) to.Tell(reply, Self);
    }
}
