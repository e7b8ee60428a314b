using Akka.Actor;
using Akka.Persistence;

namespace Actors.Cluster.Persistence;

/// <summary>
/// The entity of a lock or re-entrant lock when fencing tokens are persisted: a persistent actor that journals one
/// event per incarnation (its epoch: 1, 2, 3, ...), then hosts the core's coordinator as its child, created to hand out
/// fencing tokens above <c>epoch &lt;&lt; 32</c>, and forwards every message to it (the sender kept, so replies go
/// straight to the caller). Whatever happened to the previous incarnation — hand-off, rebalance, passivation, the
/// crash of its node — the next one's tokens are higher than every token it gave, as long as the journal survives.
/// </summary>
/// <remarks>
/// Only the epoch is persisted, not the holder or the waiters: a lock whose node crashed comes back free, and a
/// guarded resource that checks tokens (<see cref="FencingTokenGuard"/>) then refuses the old holder once the new one
/// has written. Messages that arrive while the epoch is being recovered and written wait in the stash.
/// </remarks>
internal sealed class EpochEntity : ReceivePersistentActor
{
    /// <summary>Bits of a token below the epoch: an incarnation may grant 2^32 times before it reaches the next epoch's range.</summary>
    public const int GrantBits = 32;

    private IActorRef? _coordinator;
    private long _epoch;

    public EpochEntity(string entityId, Func<long, Props> coordinatorProps, string journalPluginId, string snapshotPluginId)
    {
        PersistenceId = $"actors-primitive-epoch:{entityId}";
        JournalPluginId = journalPluginId;
        SnapshotPluginId = snapshotPluginId;
        Recover<long>(epoch => _epoch = epoch);
        Recover<RecoveryCompleted>(_ => Persist(_epoch + 1, epoch =>
        {
            _epoch = epoch;
            _coordinator = Context.Watch(Context.ActorOf(coordinatorProps(epoch << GrantBits), "coordinator"));
            Stash.UnstashAll();
        }));
        Command<Terminated>(terminated => terminated.ActorRef.Equals(_coordinator), _ => Context.Stop(Self));
        CommandAny(message =>
        {
            // Commands can run between the end of recovery and the epoch's write; they wait for the coordinator.
            if (_coordinator is null) Stash.Stash();
            else _coordinator.Forward(message);
        });
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>
    /// A coordinator never fails on a message; if one ever did, a restart would hand out tokens it had given already,
    /// so it is stopped instead and this entity with it: the next message starts a new incarnation with a new epoch.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>The props of the entity for <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, Func<long, Props> coordinatorProps, string journalPluginId, string snapshotPluginId) =>
        Akka.Actor.Props.Create(() => new EpochEntity(entityId, coordinatorProps, journalPluginId, snapshotPluginId));
}
