using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Diagnostics;

/// <summary>
/// The library's metrics, on one <see cref="Meter"/> named <see cref="MeterName"/>. Every measurement is tagged with
/// <c>primitive.name</c> (the coordinator's actor name) and <c>primitive.kind</c> (<c>Lock</c>, <c>RLock</c>,
/// <c>Semaphore</c>, <c>BoundedSemaphore</c>, ...). Listen with a <see cref="MeterListener"/>, OpenTelemetry or
/// <c>dotnet-counters</c>.
/// </summary>
/// <remarks>
/// <para>Python's <c>threading</c> has no metrics. Instruments:</para>
/// <list type="bullet">
/// <item><c>actors.acquisitions</c>: locks, re-entries and permits granted, queue items got.</item>
/// <item><c>actors.timeouts</c>: waits that ended because their timeout passed.</item>
/// <item><c>actors.cancellations</c>: waits withdrawn by a cancel.</item>
/// <item><c>actors.owner_death_releases</c>: holds released because their owner terminated.</item>
/// <item><c>actors.forced_releases</c>: holds revoked by an administrative force-release.</item>
/// <item><c>actors.hold_time_expiries</c>: holds released because they outlasted the maximum hold time.</item>
/// <item><c>actors.wait_time</c> (ms): how long granted waiters waited.</item>
/// </list>
/// <para>Each coordinator keeps the same counts itself and answers <see cref="Protocol.CoordinatorProtocol.GetStatistics"/> with them.</para>
/// <para>An instrument nobody listens to costs a flag test per event.</para>
/// </remarks>
public static class PrimitiveMetrics
{
    /// <summary>The name of the library's meter.</summary>
    public const string MeterName = "Actors";

    /// <summary>The tag carrying the coordinator's actor name.</summary>
    public const string NameTag = "primitive.name";

    /// <summary>The tag carrying the primitive's kind.</summary>
    public const string KindTag = "primitive.kind";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Acquisitions = Meter.CreateCounter<long>("actors.acquisitions", description: "Locks, re-entries and permits granted, queue items got.");

    internal static readonly Counter<long> Timeouts = Meter.CreateCounter<long>("actors.timeouts", description: "Waits that timed out.");

    internal static readonly Counter<long> Cancellations = Meter.CreateCounter<long>("actors.cancellations", description: "Waits withdrawn by a cancel.");

    internal static readonly Counter<long> OwnerDeathReleases = Meter.CreateCounter<long>("actors.owner_death_releases", description: "Holds released because their owner terminated.");

    internal static readonly Counter<long> ForcedReleases = Meter.CreateCounter<long>("actors.forced_releases", description: "Holds revoked by an administrative force-release.");

    internal static readonly Counter<long> HoldTimeExpiries = Meter.CreateCounter<long>("actors.hold_time_expiries", description: "Holds released because they outlasted the maximum hold time.");

    internal static readonly Histogram<double> WaitTime = Meter.CreateHistogram<double>("actors.wait_time", "ms", "How long granted waiters waited.");

    /// <summary>Adds one to <paramref name="counter"/> for a primitive, if anyone listens.</summary>
    internal static void Count(Counter<long> counter, string name, string kind)
    {
        if (counter.Enabled) counter.Add(1, new KeyValuePair<string, object?>(NameTag, name), new KeyValuePair<string, object?>(KindTag, kind));
    }

    /// <summary>Records a wait of <paramref name="milliseconds"/>, if anyone listens.</summary>
    internal static void RecordWait(double milliseconds, string name, string kind)
    {
        if (WaitTime.Enabled)
            WaitTime.Record(milliseconds,  new KeyValuePair<string, object?>(NameTag, name), new KeyValuePair<string, object?>(KindTag, kind));
    }
}
