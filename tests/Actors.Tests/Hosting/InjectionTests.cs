using Actors.Diagnostics;
using Actors.Executor;
using Actors.Hosting;
using Actors.Lock;
using Actors.Queue;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

/// <summary>
/// Facades injected into constructors by key, resolved lazily before the actor system's actors start, and checked
/// against their registration: a key asked for another primitive or another queue item type fails with a clear message.
/// </summary>
public sealed class InjectionTests : IAsyncLifetime
{
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = new HostBuilder().ConfigureServices(services =>
        {
            // Registered before Akka: constructed (with its facades) before Akka's hosted service starts anything.
            services.AddHostedService<EarlyConsumer>();
            services.AddAkka("injection-test", akka => akka
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithDeadlockDetection(new DeadlockDetectionOptions
                {
                    Interval = TimeSpan.FromMilliseconds(250),
                    ReportAfter = TimeSpan.FromTicks(2500),
                    Resolution = DeadlockResolution.FailYoungestWaiter,
                    Log = false,
                })
                .WithActorLock<LockKey>("lock")
                .WithActorQueue<JobQueue, string>("jobs", new QueueOptions<string> { MaxSize = 4 })
                .WithActorExecutor<ExecutorKey>("executor", new ExecutorOptions { MaxWorkers = 2 }));
            services
                .AddActorPrimitive<LockKey, ActorLock>()
                .AddActorPrimitive<JobQueue, ActorQueue<string>>()
                .AddActorPrimitive<ExecutorKey, ActorExecutor>()
                .AddActorPrimitive<JobQueue, ActorQueue<int>>()          // the wrong item type: fails when resolved
                .AddActorPrimitive<LockKey, ActorQueue<string>>()        // the wrong primitive: fails when resolved
                .AddActorPrimitive<UnregisteredKey, ActorLock>();        // nothing registered: fails when resolved
        });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Facades_InjectedBeforeAkkaStarted_TalkToTheRegisteredCoordinators()
    {
        var early = Services.GetServices<IHostedService>().OfType<EarlyConsumer>().Single();
        Assert.True(early.ConstructedBeforeActorSystem);

        await early.Jobs.PutAsync("job");
        var registered = await Services.GetRequiredService<IRequiredActor<JobQueue>>().GetQueueAsync<JobQueue, string>();
        Assert.Equal(registered.Coordinator, early.Jobs.Coordinator);
        Assert.Equal("job", await registered.GetAsync());

        await using (await early.Lock.LockAsync()) Assert.True(await early.Lock.IsLockedAsync());
        Assert.Equal(registered.Coordinator, Services.GetRequiredKeyedService<ActorQueue<string>>(typeof(JobQueue)).Coordinator);

        var executor = Services.GetRequiredKeyedService<ActorExecutor>(typeof(ExecutorKey));
        Assert.Equal(2, executor.MaxWorkers);
        Assert.Equal(42, await executor.Submit(() => 6 * 7).ResultAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task QueueOfStrings_AskedForIntegers_FailsAtResolution()
    {
        var required = Services.GetRequiredService<IRequiredActor<JobQueue>>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => required.GetQueueAsync<JobQueue, int>());
        Assert.Contains("WithActorQueue<JobQueue, String>(\"jobs\")", error.Message);
        Assert.Contains("ActorQueue<Int32>", error.Message);

        var injected = Assert.Throws<InvalidOperationException>(() => Services.GetRequiredKeyedService<ActorQueue<int>>(typeof(JobQueue)));
        Assert.Contains("ActorQueue<String>", injected.Message);
        Assert.Contains("ActorQueue<Int32>", injected.Message);
    }

    [Fact]
    public async Task Key_AskedForAnotherPrimitive_FailsAtResolution()
    {
        var asQueue = Assert.Throws<InvalidOperationException>(() => Services.GetRequiredKeyedService<ActorQueue<string>>(typeof(LockKey)));
        Assert.Contains("WithActorLock<LockKey>(\"lock\")", asQueue.Message);

        var required = Services.GetRequiredService<IRequiredActor<LockKey>>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => required.GetSemaphoreAsync());

        var unregistered = Assert.Throws<InvalidOperationException>(() => Services.GetRequiredKeyedService<ActorLock>(typeof(UnregisteredKey)));
        Assert.Contains("No primitive is registered under the key UnregisteredKey", unregistered.Message);
    }

    [Fact]
    public void DeadlockDetectionOptions_ReachTheSettings()
    {
        var settings = DeadlockDetection.Get(Services.GetRequiredService<ActorSystem>()).Settings;
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.Interval);
        Assert.Equal(TimeSpan.FromTicks(2500), settings.ReportAfter);
        Assert.Equal(DeadlockResolution.FailYoungestWaiter, settings.Resolution);
        Assert.False(settings.Log);
        Assert.True(settings.Enabled);
    }

    [Fact]
    public async Task Registration_TwoPrimitivesUnderOneKey_IsRefused()
    {
        using var host = new HostBuilder().ConfigureServices(services => services.AddAkka("twice", akka => akka
            .WithActorLock<LockKey>("a")
            .WithActorEvent<LockKey>("b"))).Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("already taken by WithActorLock<LockKey>(\"a\")", error.ToString());
    }

    private IServiceProvider Services => _host.Services;

    private sealed class LockKey;
    private sealed class JobQueue;
    private sealed class ExecutorKey;
    private sealed class UnregisteredKey;

    private sealed class EarlyConsumer(
        [FromKeyedServices(typeof(JobQueue))] ActorQueue<string> jobs,
        [FromKeyedServices(typeof(LockKey))] ActorLock mutex,
        IReadOnlyActorRegistry registry) : IHostedService
    {
        public bool ConstructedBeforeActorSystem { get; } = !registry.TryGet<JobQueue>(out _);

        public ActorQueue<string> Jobs { get; } = jobs;

        public ActorLock Lock { get; } = mutex;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
