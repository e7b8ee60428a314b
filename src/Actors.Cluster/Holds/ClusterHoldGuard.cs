using Actors.Protocol;
using Akka.Actor;

namespace Actors.Cluster.Holds;

/// <summary>
/// The <see cref="IHoldGuard"/> of a cluster node: it tells a hold granted by a primitive on another node that the hold
/// can no longer be trusted as soon as this node's failure detector marks that node unreachable, or that node leaves,
/// is downed or removed; and every hold, wherever granted, when this node itself leaves or is downed. One actor per node
/// follows the membership (<see cref="HoldGuardActor"/>); registering and ending a watch are messages to it.
/// </summary>
/// <remarks>
/// A node on the minority side of a partition sees the majority unreachable within the failure detector's
/// acceptable heartbeat pause, while the majority can grant the lock to another owner only after the split-brain
/// resolver downs the minority (its stable-after) and the DeathWatch that follows: so a partitioned holder is told
/// first under any settings where stable-after exceeds the detection time, as Akka's defaults have it.
/// </remarks>
internal sealed class ClusterHoldGuard : IHoldGuard
{
    private readonly IActorRef _guard;
    private long _nextId;

    public ClusterHoldGuard(ActorSystem system) => _guard = system.ActorOf(Props.Create(() => new HoldGuardActor()), "actors-hold-guard");

    /// <inheritdoc />
    public IDisposable Guard(Address coordinatorNode, Action<HoldLostReason> lost)
    {
        ArgumentNullException.ThrowIfNull(coordinatorNode);
        return Register(coordinatorNode, lost);
    }

    /// <inheritdoc />
    public IDisposable GuardAnyNode(Action<HoldLostReason> lost) => Register(null, lost);

    private Registration Register(Address? coordinatorNode, Action<HoldLostReason> lost)
    {
        ArgumentNullException.ThrowIfNull(lost);
        var id = Interlocked.Increment(ref _nextId);
        _guard.Tell(new HoldGuardActor.Watch(id, coordinatorNode, lost));
        return new Registration(_guard, id);
    }

    private sealed class Registration(IActorRef guard, long id) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) guard.Tell(new HoldGuardActor.Unwatch(id));
        }
    }
}
