using Actors.Protocol;
using Akka.Actor;

namespace Actors;

/// <summary>
/// Watches, for the leases of one actor system, whether the node of the coordinator that granted a hold can still be
/// trusted. The cluster package registers one (<see cref="HoldGuards.Register"/>) that fires on the cluster's failure
/// detector and membership; an actor system without one never loses a hold for a network reason.
/// </summary>
public interface IHoldGuard
{
    /// <summary>
    /// Starts watching for a hold granted by a coordinator at <paramref name="coordinatorNode"/> (a local address when
    /// the coordinator is in this process). Calls <paramref name="lost"/> at most once, on any thread, when that node is
    /// unreachable or gone (<see cref="HoldLostReason.CoordinatorUnreachable"/>) or this node is leaving or being downed
    /// (<see cref="HoldLostReason.HolderNodeLeaving"/>); at once if that is already so.
    /// </summary>
    /// <returns>Disposed when the hold ends, to stop watching.</returns>
    IDisposable Guard(Address coordinatorNode, Action<HoldLostReason> lost);

    /// <summary>
    /// Starts watching for a hold whose coordinator's node is not known yet: a lease learns that node only when the
    /// coordinator answers its watch, and the node may fail before that answer arrives. Calls <paramref name="lost"/> at
    /// most once when any other node becomes unreachable or gone from now on
    /// (<see cref="HoldLostReason.CoordinatorUnreachable"/>), or this node is leaving or being downed
    /// (<see cref="HoldLostReason.HolderNodeLeaving"/>, at once if it already is). Nodes that are unreachable already
    /// do not count: the grant has just come from a node that could still send.
    /// </summary>
    /// <returns>Disposed once the coordinator's node is known (and guarded by <see cref="Guard"/>) or the hold ends.</returns>
    IDisposable GuardAnyNode(Action<HoldLostReason> lost);
}
