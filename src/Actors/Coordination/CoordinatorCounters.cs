using System.Diagnostics;
using Actors.Protocol;

namespace Actors.Coordination;

/// <summary>
/// A coordinator's own tally of what it did: plain fields that <see cref="CoordinatorActor"/> bumps at the same
/// points where it reports to <see cref="Diagnostics.PrimitiveMetrics"/>, so the two always agree. No allocation per event.
/// </summary>
internal struct CoordinatorCounters
{
    public long Acquisitions;
    public long Timeouts;
    public long Cancellations;
    public long OwnerDeathReleases;
    public long ForcedReleases;
    public long HoldTimeExpiries;
    public long WaitCount;
    private long _waitTicksTotal;
    private long _waitTicksMax;

    /// <summary>Records a wait of <paramref name="ticks"/> <see cref="Stopwatch"/> ticks; returns it in milliseconds.</summary>
    public double RecordWait(long ticks)
    {
        if (ticks < 0) ticks = 0;
        WaitCount++;
        _waitTicksTotal += ticks;
        if (ticks > _waitTicksMax) _waitTicksMax = ticks;
        return ToMs(ticks);
    }

    /// <summary>The counters as a <see cref="CoordinatorProtocol.Statistics"/> reply.</summary>
    public readonly CoordinatorProtocol.Statistics ToStatistics(long requestId, string name, string kind, int waiting) =>
        new(requestId, name, kind, Acquisitions, Timeouts, Cancellations, OwnerDeathReleases, waiting, WaitCount,
            WaitCount == 0 ? 0 : ToMs(_waitTicksTotal) / WaitCount, ToMs(_waitTicksMax))
        {
            ForcedReleases = ForcedReleases,
            HoldTimeExpiries = HoldTimeExpiries,
        };

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
