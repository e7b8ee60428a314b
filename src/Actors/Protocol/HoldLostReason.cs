namespace Actors.Protocol;

/// <summary>Why a hold can no longer be trusted (see <see cref="CoordinatorProtocol.HoldLost"/> and <see cref="Lease.HoldLost"/>).</summary>
public enum HoldLostReason
{
    /// <summary>The coordinator released the hold because its owner terminated (an owner handle disposed, an actor stopped, its node downed).</summary>
    OwnerTerminated,

    /// <summary>An administrator revoked the hold with <see cref="CoordinatorProtocol.ForceRelease"/>.</summary>
    ForceReleased,

    /// <summary>The hold outlasted the primitive's maximum hold time (<see cref="CoordinatorProtocol.SetMaxHoldTime"/>) and the coordinator released it.</summary>
    MaxHoldTimeExceeded,

    /// <summary>
    /// The hold was not found when it was to be watched (<see cref="CoordinatorProtocol.WatchHold"/>): it had already
    /// ended by a release, or long enough ago that the coordinator no longer remembers why, or the primitive came back
    /// without it.
    /// </summary>
    NotHeld,

    /// <summary>
    /// The holder's node lost contact with the node of the primitive (the cluster's failure detector marked it
    /// unreachable, or it left or was removed): the coordinator may release the hold without the holder hearing of it.
    /// Only across a cluster; never in one process.
    /// </summary>
    CoordinatorUnreachable,

    /// <summary>The holder's own node is leaving the cluster or being downed: its owners are about to lose what they hold. Only across a cluster.</summary>
    HolderNodeLeaving,
}
