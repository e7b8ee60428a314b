using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Diagnostics;
using Actors.Executor;
using Actors.Lock;
using Actors.Owners;
using Actors.Queue;
using Actors.Semaphore;
using Actors.Tests.Executor;

namespace Actors.Tests.Diagnostics;

/// <summary>
/// Every instrument of the library's meter, read with a <see cref="MeterListener"/>: names, units, the meter's version,
/// the wait histogram in seconds, and the observable values (holders, waiters, queue length, active executor jobs)
/// that coordinators publish without locks.
/// </summary>
public sealed class PrimitiveInstrumentsTests : CoordinatorTestKit
{
    private static readonly Dictionary<string, string> ExpectedUnits = new()
    {
        [PrimitiveMetrics.AcquisitionsName] = "{acquisition}",
        [PrimitiveMetrics.TimeoutsName] = "{timeout}",
        [PrimitiveMetrics.CancellationsName] = "{cancellation}",
        [PrimitiveMetrics.OwnerDeathReleasesName] = "{release}",
        [PrimitiveMetrics.ForcedReleasesName] = "{release}",
        [PrimitiveMetrics.HoldTimeExpiriesName] = "{release}",
        [PrimitiveMetrics.WaitDurationName] = "s",
        [PrimitiveMetrics.HoldersName] = "{holder}",
        [PrimitiveMetrics.WaitersName] = "{waiter}",
        [PrimitiveMetrics.QueueLengthName] = "{item}",
        [PrimitiveMetrics.ActiveJobsName] = "{job}",
    };

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Instrument> _published = new();
    private readonly ConcurrentDictionary<(string Instrument, string Name), double> _counted = new();
    private readonly ConcurrentDictionary<(string Instrument, string Name), double> _latest = new();
    private readonly string _prefix = "i" + Guid.NewGuid().ToString("N")[..8];

    public PrimitiveInstrumentsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, PrimitiveMetrics.FallbackMeter)) return;
            _published[instrument.Name] = instrument;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public void Meter_PublishesEveryInstrument_WithItsUnitAndTheLibraryVersion()
    {
        ActorLock.Create(Sys, _prefix + "-start");   // the system's instruments exist once a coordinator started
        AwaitAssert(() => Assert.Equal(ExpectedUnits.Keys.Order(), _published.Keys.Order()));
        foreach (var (name, unit) in ExpectedUnits) Assert.Equal(unit, _published[name].Unit);
        Assert.All(_published.Values, instrument => Assert.False(string.IsNullOrEmpty(instrument.Description)));
        Assert.Equal(PrimitiveMetrics.MeterVersion, PrimitiveMetrics.FallbackMeter.Version);
        Assert.Equal(typeof(PrimitiveMetrics).Assembly.GetName().Version!.ToString(3), PrimitiveMetrics.MeterVersion);
    }

    [Fact]
    public async Task WaitDuration_IsRecordedInSeconds_AsTheStatisticsInMilliseconds()
    {
        var name = _prefix + "-wait";
        var mutex = ActorLock.Create(Sys, name);
        await mutex.AcquireAsync();
        var waiting = mutex.AcquireAsync();
        await AwaitAssertAsync(async () => Assert.Equal(1, (await mutex.GetStateAsync()).Waiting));
        await mutex.ReleaseAsync();
        await waiting.WaitAsync(Patience);

        var statistics = await mutex.GetStatisticsAsync();
        Assert.Equal(1, statistics.WaitCount);
        Assert.True(statistics.MaxWaitMs > 0);
        Assert.Equal(statistics.MaxWaitMs / 1000, Counted(PrimitiveMetrics.WaitDurationName, name), 9);
    }

    [Fact]
    public async Task Counters_CountEachKindOfEvent()
    {
        var name = _prefix + "-count";
        var mutex = ActorLock.Create(Sys, name);
        await mutex.AcquireAsync();
        Assert.False(await mutex.TryAcquireAsync(TimeSpan.FromMilliseconds(20)));
        using (var cancel = new CancellationTokenSource())
        {
            var cancelled = mutex.AcquireAsync(cancel.Token);
            await AwaitAssertAsync(async () => Assert.Equal(1, (await mutex.GetStateAsync()).Waiting));
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        await mutex.ReleaseAsync();
        var owner = ActorOwner.Create(Sys);
        await mutex.WithOwner(owner.Ref).AcquireAsync();
        await owner.DisposeAsync();
        await AwaitAssertAsync(async () => Assert.False(await mutex.IsLockedAsync()));

        Assert.Equal(2, Counted(PrimitiveMetrics.AcquisitionsName, name));
        Assert.Equal(1, Counted(PrimitiveMetrics.TimeoutsName, name));
        Assert.Equal(1, Counted(PrimitiveMetrics.CancellationsName, name));
        Assert.Equal(1, Counted(PrimitiveMetrics.OwnerDeathReleasesName, name));
    }

    [Fact]
    public async Task ObservableValues_FollowHoldersWaitersQueueLengthAndActiveJobs()
    {
        var lockName = _prefix + "-lock";
        var mutex = ActorLock.Create(Sys, lockName);
        await mutex.AcquireAsync();
        var waiter = mutex.AcquireAsync();

        var semaphoreName = _prefix + "-sem";
        var semaphore = ActorSemaphore.CreateBounded(Sys, 3, semaphoreName);
        await semaphore.AcquireAsync();
        await semaphore.AcquireAsync();

        var queueName = _prefix + "-queue";
        var queue = ActorQueue<int>.Create(Sys, name: queueName);
        await queue.PutManyAsync([1, 2, 3]);

        var executorName = _prefix + "-executor";
        var gates = new Gates();
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1, Name = executorName });
        var blocked = executor.Submit(() => gates.Run(1));
        var queued = executor.Submit(() => gates.Run(2));

        AwaitAssert(() =>
        {
            Observe();
            Assert.Equal(1, Latest(PrimitiveMetrics.HoldersName, lockName));
            Assert.Equal(1, Latest(PrimitiveMetrics.WaitersName, lockName));
            Assert.Equal(2, Latest(PrimitiveMetrics.HoldersName, semaphoreName));
            Assert.Equal(0, Latest(PrimitiveMetrics.WaitersName, semaphoreName));
            Assert.Equal(3, Latest(PrimitiveMetrics.QueueLengthName, queueName));
            Assert.Equal(2, Latest(PrimitiveMetrics.ActiveJobsName, executorName));
        });
        Assert.False(_latest.ContainsKey((PrimitiveMetrics.QueueLengthName, lockName)));   // a lock has no queue length

        await mutex.ReleaseAsync();
        await waiter.WaitAsync(Patience);
        await queue.GetAsync();
        gates.Open(1);
        await blocked.ResultAsync(Patience);   // a worker reports finished jobs by the batch: the count may still say 2

        AwaitAssert(() =>
        {
            Observe();
            Assert.Equal(1, Latest(PrimitiveMetrics.HoldersName, lockName));
            Assert.Equal(0, Latest(PrimitiveMetrics.WaitersName, lockName));
            Assert.Equal(2, Latest(PrimitiveMetrics.QueueLengthName, queueName));
        });

        gates.Open(2);
        await queued.ResultAsync(Patience);
        await mutex.ReleaseAsync();
        AwaitAssert(() =>
        {
            Observe();
            Assert.Equal(0, Latest(PrimitiveMetrics.HoldersName, lockName));
            Assert.Equal(0, Latest(PrimitiveMetrics.ActiveJobsName, executorName));
        });
    }

    [Fact]
    public async Task StoppedCoordinator_IsNoLongerObserved()
    {
        var name = _prefix + "-stopped";
        var mutex = ActorLock.Create(Sys, name);
        AwaitAssert(() =>
        {
            Observe();
            Assert.Equal(0, Latest(PrimitiveMetrics.HoldersName, name));
        });

        await mutex.Coordinator.GracefulStop(Patience);
        _latest.Clear();
        Observe();
        Assert.False(_latest.ContainsKey((PrimitiveMetrics.HoldersName, name)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _listener.Dispose();
        base.Dispose(disposing);
    }

    private void Observe() => _listener.RecordObservableInstruments();

    private double Counted(string instrument, string name) => _counted.GetValueOrDefault((instrument, name));

    private double Latest(string instrument, string name) => _latest.TryGetValue((instrument, name), out var value) ? value : double.NaN;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? name = null;
        foreach (var tag in tags)
            if (tag.Key == PrimitiveMetrics.NameTag) name = tag.Value as string;
        if (name is null || !name.StartsWith(_prefix, StringComparison.Ordinal)) return;
        if (instrument.IsObservable) _latest[(instrument.Name, name)] = value;
        else _counted.AddOrUpdate((instrument.Name, name), value, (_, total) => total + value);
    }
}
