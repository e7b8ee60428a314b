using Actors.Coordination;
using Actors.Protocol;
using Akka.Actor;
using Akka.Persistence;

namespace Actors.Cluster.Persistence;

/// <summary>
/// The entity of a named primitive whose state outlives its actor: a persistent actor that hosts the core's coordinator
/// behaviour (<see cref="ICoordinatorHost"/>), journals the primitive's <see cref="IDurableState"/> after every message
/// that changed it, and holds that message's replies until the state is stored — so no grant ever goes out that a
/// crash could take back. A new incarnation (hand-off, rebalance, passivation, the crash of its node) recovers the
/// latest state: the same holders, watched again, and fencing tokens that continue above every token handed out.
/// </summary>
/// <remarks>
/// Waiting requests are not persisted: a wait belongs to a live caller, who learns of a lost wait from its own timeout.
/// Every <see cref="PersistenceOptions.SnapshotEvery"/> stored states a snapshot is saved, so recovery reads a snapshot
/// and a short tail. A message that arrives while a state is being stored waits (Akka.Persistence's stash).
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
                Context.Stop(Self);
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

        if (!_coordinator.DurableStateChanged)
        {
            Flush(_held.ToArray());
            return;
        }

        var state = _coordinator.CaptureDurableState();
        var replies = _held.ToArray();
        _held.Clear();
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

    private void Flush((IActorRef To, object Message)[] replies)
    {
        _held.Clear();
        foreach (var (to, reply) in replies) to.Tell(reply, Self);
    }
}
