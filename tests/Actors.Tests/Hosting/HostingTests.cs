using Actors.Executor;
using Actors.Hosting;
using Actors.Owners;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

/// <summary>
/// Every primitive registered with Akka.Hosting in a real <see cref="IHost"/>, resolved from DI and used; locks and semaphores
/// registered with a maximum hold time start with it.
/// </summary>
public sealed class HostingTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxHoldTime = TimeSpan.FromMilliseconds(300);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("hosting-test", builder => builder
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithActorLock<LockKey>("lock")
                .WithActorRLock<RLockKey>("rlock")
                .WithActorSemaphore<SemaphoreKey>("semaphore", new SemaphoreOptions { InitialValue = 2, Bounded = true })
                .WithActorEvent<EventKey>("event")
                .WithActorBarrier<BarrierKey>("barrier", new BarrierOptions { Parties = 2 })
                .WithActorQueue<FifoKey, string>("fifo", new QueueOptions<string> { MaxSize = 2 })
                .WithActorQueue<PriorityKey, int>("priority", new QueueOptions<int> { Kind = QueueKind.Priority })
                .WithActorQueue<LifoKey, int>("lifo", new QueueOptions<int> { Kind = QueueKind.Lifo })
                .WithActorQueue<SimpleKey, int>("simple", new QueueOptions<int> { Kind = QueueKind.Simple })
                .WithActorExecutor<ExecutorKey>("executor", new ExecutorOptions { MaxWorkers = 2 })
                .WithActorLock<BoundedLockKey>("bounded-lock", new LockOptions { MaxHoldTime = MaxHoldTime })
                .WithActorRLock<BoundedRLockKey>("bounded-rlock", new RLockOptions { MaxHoldTime = MaxHoldTime })
                .WithActorSemaphore<BoundedSemaphoreKey>("bounded-semaphore", new SemaphoreOptions { Bounded = true, MaxHoldTime = MaxHoldTime })))
            .Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Lock_RegisteredAndResolved_AcquiresAndReleases()
    {
        var mutex = await Required<LockKey>().GetLockAsync();
        await using (await mutex.LockAsync()) Assert.True(await mutex.IsLockedAsync());
        Assert.False(await mutex.IsLockedAsync());
    }

    [Fact]
    public async Task RLockAndCondition_RegisteredAndResolved_ReenterAndWaitWithTimeout()
    {
        await using var owner = ActorOwner.Create(Services.GetRequiredService<ActorSystem>());
        var rlock = await Required<RLockKey>().GetRLockAsync(owner.Ref);
        var condition = await Required<RLockKey>().GetConditionAsync(owner.Ref, "ready");
        Assert.Equal(1, await rlock.AcquireAsync());
        Assert.Equal(2, await rlock.AcquireAsync());
        Assert.False(await condition.WaitAsync(TimeSpan.FromMilliseconds(20)));
        Assert.Equal(2, (await rlock.GetStateAsync()).Depth);
    }

    [Fact]
    public async Task BoundedSemaphore_RegisteredWithOptions_HasItsValueAndBound()
    {
        var semaphore = await Required<SemaphoreKey>().GetSemaphoreAsync();
        var state = await semaphore.GetStateAsync();
        Assert.Equal((2, (int?)2), (state.Value, state.Bound));
        await Assert.ThrowsAsync<SemaphoreFullException>(() => semaphore.ReleaseAsync());
    }

    [Fact]
    public async Task Event_RegisteredAndResolved_SetsAndWakes()
    {
        var ev = await Required<EventKey>().GetEventAsync();
        var waiting = ev.WaitAsync(TimeSpan.FromSeconds(30));
        await ev.SetAsync();
        Assert.True(await waiting);
    }

    [Fact]
    public async Task Barrier_RegisteredWithTwoParties_ReleasesBoth()
    {
        var barrier = await Required<BarrierKey>().GetBarrierAsync();
        var indices = await Task.WhenAll(barrier.WaitAsync(TimeSpan.FromSeconds(30)), barrier.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([0, 1], indices.Order());
    }

    [Fact]
    public async Task Queues_RegisteredWithKinds_KeepTheirOrderAndBound()
    {
        var fifo = await Required<FifoKey>().GetQueueAsync<FifoKey, string>();
        await fifo.PutAsync("a");
        await fifo.PutAsync("b");
        Assert.True(await fifo.IsFullAsync());
        Assert.Equal("a", await fifo.GetAsync());

        var priority = await Required<PriorityKey>().GetQueueAsync<PriorityKey, int>();
        foreach (var n in new[] { 3, 1, 2 }) await priority.PutAsync(n);
        var drained = new List<int>();
        for (var i = 0; i < 3; i++) drained.Add(await priority.GetAsync());
        Assert.Equal([1, 2, 3], drained);

        var lifo = await Required<LifoKey>().GetQueueAsync<LifoKey, int>();
        foreach (var n in new[] { 1, 2 }) await lifo.PutAsync(n);
        Assert.Equal(2, await lifo.GetAsync());

        var simple = await Required<SimpleKey>().GetQueueAsync<SimpleKey, int>();
        await simple.PutAsync(7);
        Assert.Equal(7, await simple.GetAsync());
        await Assert.ThrowsAsync<NotSupportedException>(() => simple.TaskDoneAsync());
    }

    [Fact]
    public async Task Executor_RegisteredAndAttached_RunsJobs()
    {
        var executor = await Required<ExecutorKey>().GetExecutorAsync();
        Assert.Equal(2, executor.MaxWorkers);
        Assert.Equal(42, await executor.Submit(() => 6 * 7).ResultAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Registration_BarrierWithoutParties_FailsTheStart()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("bad", builder => builder.WithActorBarrier<BarrierKey>("b", new BarrierOptions())))
            .Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("Parties", error.ToString());
    }

    [Fact]
    public async Task Lock_RegisteredWithMaxHoldTime_ReleasesAnOverLongHold_AndGrantsTheWaiterAHigherToken()
    {
        var mutex = await Required<BoundedLockKey>().GetLockAsync();
        await OverLongHoldIsLost_AndTheWaiterGrantedAsync(mutex.LockAsync);
        var statistics = await mutex.GetStatisticsAsync();
        Assert.Equal((MaxHoldTime, 1L), (statistics.MaxHoldTime, statistics.HoldTimeExpiries));
        Assert.Null((await (await Required<LockKey>().GetLockAsync()).GetStatisticsAsync()).MaxHoldTime);
    }

    [Fact]
    public async Task RLock_RegisteredWithMaxHoldTime_ReleasesAnOverLongHold()
    {
        await using var owner = ActorOwner.Create(Services.GetRequiredService<ActorSystem>());
        var rlock = await Required<BoundedRLockKey>().GetRLockAsync(owner.Ref);
        var lease = await rlock.LockAsync();

        await Leases.HoldLostAsync(lease);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, lease.LostReason);
        Assert.False((await rlock.GetStateAsync()).Locked);
    }

    [Fact]
    public async Task Semaphore_RegisteredWithMaxHoldTime_GivesTheOverLongHoldersPermitToTheWaiter()
    {
        var semaphore = await Required<BoundedSemaphoreKey>().GetSemaphoreAsync();
        await OverLongHoldIsLost_AndTheWaiterGrantedAsync(semaphore.EnterAsync);
    }

    [Fact]
    public void Registration_MaxHoldTimeNotPositive_IsRefused()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "refused");
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithActorLock<LockKey>("lock", new LockOptions { MaxHoldTime = TimeSpan.Zero }));
    }

    /// <summary>A first hold outlasts the maximum hold time: its HoldLost fires and the waiter behind it gets a higher token.</summary>
    private static async Task OverLongHoldIsLost_AndTheWaiterGrantedAsync(Func<CancellationToken, Task<Lease>> hold)
    {
        var first = await hold(CancellationToken.None);
        var next = hold(CancellationToken.None);

        await Leases.HoldLostAsync(first);
        var granted = await next.WaitAsync(TestTimes.Patience);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.True(granted.FencingToken > first.FencingToken, $"{granted.FencingToken} after {first.FencingToken}");
    }

    private IServiceProvider Services => _host.Services;

    private IRequiredActor<TKey> Required<TKey>() => Services.GetRequiredService<IRequiredActor<TKey>>();

    private sealed class LockKey;
    private sealed class RLockKey;
    private sealed class SemaphoreKey;
    private sealed class EventKey;
    private sealed class BarrierKey;
    private sealed class FifoKey;
    private sealed class PriorityKey;
    private sealed class LifoKey;
    private sealed class SimpleKey;
    private sealed class ExecutorKey;
    private sealed class BoundedLockKey;
    private sealed class BoundedRLockKey;
    private sealed class BoundedSemaphoreKey;
}
