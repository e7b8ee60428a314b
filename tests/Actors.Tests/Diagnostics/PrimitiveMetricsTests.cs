using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Diagnostics;
using Actors.Lock;
using Actors.Owners;
using Actors.Semaphore;

namespace Actors.Tests.Diagnostics;

/// <summary>The library's meter counts exactly the operations performed, tagged by primitive name and kind.</summary>
public sealed class PrimitiveMetricsTests : CoordinatorTestKit
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Name, string Kind), double> _totals = new();
    private readonly string _prefix = "m" + Guid.NewGuid().ToString("N")[..8];

    public PrimitiveMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PrimitiveMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, 1, tags));
        _listener.Start();
    }

    [Fact]
    public async Task Lock_Operations_AreCountedOnce()
    {
        var name = _prefix + "-lock";
        var mutex = ActorLock.Create(Sys, name);
        await mutex.AcquireAsync();                                        // acquisition 1
        Assert.False(await mutex.TryAcquireAsync(TimeSpan.FromMilliseconds(50))); // timeout 1
        using (var cancel = new CancellationTokenSource())
        {
            var cancelled = mutex.AcquireAsync(cancel.Token);
            await Waiters.AwaitAsync(this, mutex, 1);
            await cancel.CancelAsync();                                    // cancellation 1
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        var waiting = mutex.AcquireAsync();
        await Waiters.AwaitAsync(this, mutex, 1);
        await mutex.ReleaseAsync();
        await waiting.WaitAsync(Patience);                                 // acquisition 2, one wait-time sample
        await mutex.ReleaseAsync();

        var owner = ActorOwner.Create(Sys);
        await mutex.WithOwner(owner.Ref).AcquireAsync();                   // acquisition 3
        await owner.DisposeAsync();                                        // owner-death release 1
        await AwaitAssertAsync(async () => Assert.False(await mutex.IsLockedAsync()));

        Assert.Equal(3, Total(PrimitiveMetrics.AcquisitionsName, name, "Lock"));
        Assert.Equal(1, Total(PrimitiveMetrics.TimeoutsName, name, "Lock"));
        Assert.Equal(1, Total(PrimitiveMetrics.CancellationsName, name, "Lock"));
        Assert.Equal(1, Total(PrimitiveMetrics.OwnerDeathReleasesName, name, "Lock"));
        Assert.Equal(1, Total(PrimitiveMetrics.WaitDurationName, name, "Lock"));

        // The coordinator's own statistics count the same events.
        var statistics = await mutex.GetStatisticsAsync();
        Assert.Equal(Total(PrimitiveMetrics.AcquisitionsName, name, "Lock"), statistics.Acquisitions);
        Assert.Equal(Total(PrimitiveMetrics.TimeoutsName, name, "Lock"), statistics.Timeouts);
        Assert.Equal(Total(PrimitiveMetrics.CancellationsName, name, "Lock"), statistics.Cancellations);
        Assert.Equal(Total(PrimitiveMetrics.OwnerDeathReleasesName, name, "Lock"), statistics.OwnerDeathReleases);
        Assert.Equal(Total(PrimitiveMetrics.WaitDurationName, name, "Lock"), statistics.WaitCount);
    }

    [Fact]
    public async Task BoundedSemaphore_Permits_AreCountedByKind()
    {
        var name = _prefix + "-sem";
        var gate = ActorSemaphore.CreateBounded(Sys, 2, name);
        await gate.AcquireAsync();
        await gate.AcquireAsync();
        Assert.False(await gate.TryAcquireAsync(TimeSpan.FromMilliseconds(50)));
        await gate.ReleaseAsync();
        await gate.AcquireAsync();

        Assert.Equal(3, Total(PrimitiveMetrics.AcquisitionsName, name, "BoundedSemaphore"));
        Assert.Equal(1, Total(PrimitiveMetrics.TimeoutsName, name, "BoundedSemaphore"));
    }

    [Fact]
    public async Task RevokedHolds_AreCountedOnTheMeterAndInTheStatistics()
    {
        var name = _prefix + "-revoked";
        var gate = ActorSemaphore.CreateBounded(Sys, 2, name);
        await gate.AcquireAsync();
        await gate.AcquireAsync();
        Assert.Equal(2, await gate.ForceReleaseAsync());                  // forced releases 1 and 2
        await gate.SetMaxHoldTimeAsync(TimeSpan.FromMilliseconds(100));
        var lease = await gate.EnterAsync();
        await AwaitAssertAsync(() => Assert.True(lease.HoldLost.IsCancellationRequested)); // hold-time expiry 1

        Assert.Equal(2, Total(PrimitiveMetrics.ForcedReleasesName, name, "BoundedSemaphore"));
        Assert.Equal(1, Total(PrimitiveMetrics.HoldTimeExpiriesName, name, "BoundedSemaphore"));
        var statistics = await gate.GetStatisticsAsync();
        Assert.Equal((2, 1), (statistics.ForcedReleases, statistics.HoldTimeExpiries));
        Assert.Equal(2, await gate.GetValueAsync());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _listener.Dispose();
        base.Dispose(disposing);
    }

    private double Total(string instrument, string name, string kind) => _totals.GetValueOrDefault((instrument, name, kind));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? name = null, kind = null;
        foreach (var tag in tags)
        {
            if (tag.Key == PrimitiveMetrics.NameTag) name = tag.Value as string;
            else if (tag.Key == PrimitiveMetrics.KindTag) kind = tag.Value as string;
        }

        if (name is null || kind is null || !name.StartsWith(_prefix, StringComparison.Ordinal)) return;
        _totals.AddOrUpdate((instrument.Name, name, kind), value, (_, total) => total + value);
    }
}
