using Actors.Coordination;
using Actors.Protocol;
using Akka.Actor;
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
/// so. Events are written without stopping the entity (Akka's <c>PersistAllAsync</c>): the messages that arrive
/// meanwhile are handled and their events batched into the next write, their replies held until their own events are
/// stored, and replies that changed nothing go out only after the events before them (<c>DeferAsync</c>). A message
/// that arrives while a whole state (or the events before a snapshot) is being stored waits (Akka.Persistence's stash).
/// Sharding stops it with <see cref="StopEntity"/>, handled after that stash, never with <c>PoisonPill</c>, which would
/// drop the requests stashed while it recovers or stores a state.
/// </remarks>
internal sealed class DurableEntity : UntypedPersistentActor, IWithTimers, ICoordinatorHost
{
    private readonly Coordinator _coordinator;
    private readonly PersistenceOptions _options;
    private readonly List<(IActorRef To, object Message)> _held = [];
    private bool _handling;

    public DurableEntity(string entityId, Func<Coordinator> behavior, PersistenceOptions options)
    {
        PersistenceId = $"actors-primitive:{entityId}";
        JournalPluginId = options.JournalPluginIdOrDefault;
        SnapshotPluginId = options.SnapshotPluginIdOrDefault;
        _options = options;
        _coordinator = behavior();
        _coordinator.Attach(this);
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
            case IDurableState state:
                _coordinator.RestoreDurableState(state);
                break;
            case IDurableEvent durableEvent:
                _coordinator.ApplyDurableEvent(durableEvent);
                break;
            case RecoveryCompleted:
                _coordinator.Started();
                break;
        }
    }

    /// <inheritdoc />
    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case SaveSnapshotSuccess or SaveSnapshotFailure:
                return;
            case StopEntity:
                // After the events still being stored, so that their replies go out.
                DeferAsync(StopEntity.Instance, _ => Context.Stop(Self));
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

    private void Flush((IActorRef To, object Message)[] replies)
    {
        foreach (var (to, reply) in replies) to.Tell(reply, Self);
    }
}
