using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Actors.Diagnostics;

/// <summary>
/// The library's instruments on one <see cref="Meter"/> (see <see cref="PrimitiveMetrics"/> for their names and
/// units): counters and a wait-duration histogram that coordinators record into, and observable up-down counters
/// whose callbacks read the <see cref="CoordinatorGauges"/> of every coordinator tracked here. One set exists per meter,
/// so the actor systems of one container (or all those without one) share it.
/// </summary>
internal sealed class PrimitiveInstruments
{
    private static readonly ConditionalWeakTable<Meter, PrimitiveInstruments> ByMeter = new();

    private readonly ConcurrentDictionary<CoordinatorGauges, byte> _tracked = new();

    private PrimitiveInstruments(Meter meter)
    {
        Meter = meter;
        Acquisitions = meter.CreateCounter<long>(PrimitiveMetrics.AcquisitionsName, "{acquisition}",
            "Locks, re-entries and permits granted, queue items got, event waits that saw the flag set, barrier passes.");
        Timeouts = meter.CreateCounter<long>(PrimitiveMetrics.TimeoutsName, "{timeout}", "Waits that ended because their timeout passed.");
        Cancellations = meter.CreateCounter<long>(PrimitiveMetrics.CancellationsName, "{cancellation}", "Waits withdrawn by a cancel.");
        OwnerDeathReleases = meter.CreateCounter<long>(PrimitiveMetrics.OwnerDeathReleasesName, "{release}",
            "Holds released because their owner terminated.");
        ForcedReleases = meter.CreateCounter<long>(PrimitiveMetrics.ForcedReleasesName, "{release}",
            "Holds revoked by an administrative force-release.");
        HoldTimeExpiries = meter.CreateCounter<long>(PrimitiveMetrics.HoldTimeExpiriesName, "{release}",
            "Holds released because they outlasted the maximum hold time.");
        WaitDuration = meter.CreateHistogram<double>(PrimitiveMetrics.WaitDurationName, "s", "How long granted waiters waited.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PrimitiveMetrics.WaitDurationBuckets });
        meter.CreateObservableUpDownCounter(PrimitiveMetrics.HoldersName, () => Read(static g => g.Holders), "{holder}",
            "Owners holding a lock now, or a semaphore's permits out.");
        meter.CreateObservableUpDownCounter(PrimitiveMetrics.WaitersName, () => Read(static g => g.Waiters), "{waiter}",
            "Requests waiting now at a coordinator.");
        meter.CreateObservableUpDownCounter(PrimitiveMetrics.QueueLengthName, () => Read(static g => g.QueueLength), "{item}",
            "Items in a queue now.");
        meter.CreateObservableUpDownCounter(PrimitiveMetrics.ActiveJobsName, () => Read(static g => g.ActiveJobs), "{job}",
            "Executor jobs accepted and not yet finished, queued or running.");
    }

    /// <summary>The meter the instruments belong to.</summary>
    public Meter Meter { get; }

    public Counter<long> Acquisitions { get; }

    public Counter<long> Timeouts { get; }

    public Counter<long> Cancellations { get; }

    public Counter<long> OwnerDeathReleases { get; }

    public Counter<long> ForcedReleases { get; }

    public Counter<long> HoldTimeExpiries { get; }

    public Histogram<double> WaitDuration { get; }

    /// <summary>The instruments on <paramref name="meter"/>, created the first time.</summary>
    public static PrimitiveInstruments On(Meter meter) => ByMeter.GetValue(meter, static m => new PrimitiveInstruments(m));

    /// <summary>Starts publishing a coordinator's current values; called when it starts.</summary>
    public CoordinatorGauges Track(string name, string kind)
    {
        var gauges = new CoordinatorGauges(name, kind);
        _tracked.TryAdd(gauges, 0);
        return gauges;
    }

    /// <summary>Stops publishing a coordinator's values; called when it stops.</summary>
    public void Untrack(CoordinatorGauges gauges) => _tracked.TryRemove(gauges, out _);

    /// <summary>Adds one to <paramref name="counter"/> for a primitive, if anyone listens.</summary>
    public static void Count(Counter<long> counter, CoordinatorGauges primitive)
    {
        if (counter.Enabled) counter.Add(1, primitive.Tags[0], primitive.Tags[1]);
    }

    /// <summary>Records a wait of <paramref name="seconds"/>, if anyone listens.</summary>
    public void RecordWait(double seconds, CoordinatorGauges primitive)
    {
        if (WaitDuration.Enabled) WaitDuration.Record(seconds, primitive.Tags[0], primitive.Tags[1]);
    }

    /// <summary>
    /// One measurement per tracked coordinator that publishes the value. Runs on the collecting thread: it enumerates
    /// the concurrent set without locking it and reads each value with a volatile read.
    /// </summary>
    private List<Measurement<long>> Read(Func<CoordinatorGauges, long> value)
    {
        var measurements = new List<Measurement<long>>();
        foreach (var (gauges, _) in _tracked)
        {
            var current = value(gauges);
            if (current != CoordinatorGauges.NotPublished) measurements.Add(new Measurement<long>(current, gauges.Tags));
        }

        return measurements;
    }
}
