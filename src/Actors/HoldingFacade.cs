using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors;

/// <summary>
/// What the facades of primitives that grant holds (a lock, a re-entrant lock, a semaphore) share beyond
/// <see cref="CoordinatorFacade"/>: leases that report a lost hold (<see cref="Lease.HoldLost"/>), a maximum hold
/// time, and the administrative force-release.
/// </summary>
/// <remarks>Python's primitives have neither: a hold lasts until its thread releases it.</remarks>
public abstract class HoldingFacade : CoordinatorFacade
{
    private protected HoldingFacade(IActorRef coordinator, IActorRef? owner) : base(coordinator, owner)
    {
    }

    /// <summary>
    /// Administrative: takes every hold of the primitive away from whoever holds it now, as if they had released it.
    /// Their leases' <see cref="Lease.HoldLost"/> fire, owner actors are told <see cref="CoordinatorProtocol.HoldLost"/>,
    /// and waiters are granted in FIFO order (a lock's next holder with a higher fencing token). Counted in the
    /// statistics (<see cref="CoordinatorProtocol.Statistics.ForcedReleases"/>) and the metric <c>actors.primitive.forced_releases</c>.
    /// </summary>
    /// <returns>How many holds were revoked (zero if the primitive was free).</returns>
    /// <remarks>For an operator unblocking a stuck holder; Python cannot take a lock away.</remarks>
    public async Task<int> ForceReleaseAsync()
    {
        return (await CoordinatorClient.RequestAsync(Coordinator, new CoordinatorProtocol.ForceRelease(RequestIds.Next())).ConfigureAwait(false)).Holds;
    }

    /// <summary>
    /// Bounds how long any hold of the primitive may last: a hold still held after <paramref name="maxHoldTime"/> is
    /// released by the coordinator, its lease's <see cref="Lease.HoldLost"/> fires (owner actors are told
    /// <see cref="CoordinatorProtocol.HoldLost"/>), and the next waiter is granted. Null removes the bound.
    /// </summary>
    /// <remarks>
    /// Applies to holds granted from then on. A persisted cluster primitive keeps the bound across restarts and
    /// fail-overs; a hold it recovers gets a fresh term. Expiries are counted
    /// (<see cref="CoordinatorProtocol.Statistics.HoldTimeExpiries"/>, metric <c>actors.primitive.hold_time_expiries</c>).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxHoldTime"/> is zero or negative; nothing changed.</exception>
    public async Task SetMaxHoldTimeAsync(TimeSpan? maxHoldTime)
    {
        if (maxHoldTime is { } limit) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(maxHoldTime));
        await CoordinatorClient.RequestAsync(Coordinator, new CoordinatorProtocol.SetMaxHoldTime(RequestIds.Next(), maxHoldTime)).ConfigureAwait(false);
    }

    /// <summary>A lease over the grant with <paramref name="fencingToken"/>, watched for a lost hold, released by <paramref name="release"/>.</summary>
    private protected Lease LeaseOf(long fencingToken, Action release) => new(fencingToken, release, Coordinator);
}
