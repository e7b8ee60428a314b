using Actors.Hosting;
using Actors.Owners;
using Actors.Protocol;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

/// <summary>
/// Locks, re-entrant locks and semaphores registered with a maximum hold time (<see cref="HoldingPrimitiveOptions.MaxHoldTime"/>)
/// start with it: an over-long hold is released, its lease's HoldLost fires, and the next waiter is granted with a higher
/// fencing token.
/// </summary>
public sealed class HostedMaxHoldTimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(300);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("max-hold-test", builder => builder
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithActorLock<LockKey>("lock", new LockOptions { MaxHoldTime = Bound })
                .WithActorRLock<RLockKey>("rlock", new RLockOptions { MaxHoldTime = Bound })
                .WithActorSemaphore<SemaphoreKey>("semaphore", new SemaphoreOptions { InitialValue = 1, Bounded = true, MaxHoldTime = Bound })
                .WithActorLock<UnboundedKey>("unbounded")))
            .Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Lock_RegisteredWithMaxHoldTime_ReleasesAnOverLongHold_AndGrantsTheWaiterAHigherToken()
    {
        var mutex = await Required<LockKey>().GetLockAsync();
        var first = await mutex.LockAsync();
        var next = mutex.LockAsync();

        await Leases.HoldLostAsync(first);
        var granted = await next.WaitAsync(TestTimes.Patience);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.True(granted.FencingToken > first.FencingToken, $"{granted.FencingToken} after {first.FencingToken}");
        var statistics = await mutex.GetStatisticsAsync();
        Assert.Equal((Bound, 1L), (statistics.MaxHoldTime, statistics.HoldTimeExpiries));
    }

    [Fact]
    public async Task RLock_RegisteredWithMaxHoldTime_ReleasesAnOverLongHold()
    {
        await using var owner = ActorOwner.Create(_host.Services.GetRequiredService<ActorSystem>());
        var rlock = await Required<RLockKey>().GetRLockAsync(owner.Ref);
        var first = await rlock.LockAsync();

        await Leases.HoldLostAsync(first);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.Equal(Bound, (await rlock.GetStatisticsAsync()).MaxHoldTime);
        Assert.False((await rlock.GetStateAsync()).Locked);
    }

    [Fact]
    public async Task Semaphore_RegisteredWithMaxHoldTime_GivesTheOverLongHoldersPermitToTheWaiter()
    {
        var semaphore = await Required<SemaphoreKey>().GetSemaphoreAsync();
        var first = await semaphore.EnterAsync();
        var next = semaphore.EnterAsync();

        await Leases.HoldLostAsync(first);
        var granted = await next.WaitAsync(TestTimes.Patience);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.True(granted.FencingToken > first.FencingToken, $"{granted.FencingToken} after {first.FencingToken}");
    }

    [Fact]
    public async Task Lock_RegisteredWithoutMaxHoldTime_HasNone()
    {
        var mutex = await Required<UnboundedKey>().GetLockAsync();
        Assert.Null((await mutex.GetStatisticsAsync()).MaxHoldTime);
    }

    [Fact]
    public void Registration_MaxHoldTimeNotPositive_IsRefused()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "refused");
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithActorLock<LockKey>("lock", new LockOptions { MaxHoldTime = TimeSpan.Zero }));
    }


    private IRequiredActor<TKey> Required<TKey>() => _host.Services.GetRequiredService<IRequiredActor<TKey>>();

    private sealed class LockKey;
    private sealed class RLockKey;
    private sealed class SemaphoreKey;
    private sealed class UnboundedKey;
}
