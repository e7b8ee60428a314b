using Actors.Cluster.Hosting;
using Actors.Lock;
using Actors.Queue;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Cluster.Tests.Hosting;

public sealed class ClusterPrimitivesHostingTests : IAsyncLifetime
{
    private const string Role = "primitives";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.StopAsync();
        foreach (var host in _hosts) host.Dispose();
    }

    [Fact]
    public async Task WithClusterPrimitives_NodeWithTheRoleHosts_NodeWithoutIsAProxy_AndBothReachTheSameLock()
    {
        var hosting = await StartAsync([Role]);
        var proxy = await StartAsync([]);
        var hostingSystem = hosting.Services.GetRequiredService<ActorSystem>();
        var proxySystem = proxy.Services.GetRequiredService<ActorSystem>();
        var seed = Akka.Cluster.Cluster.Get(hostingSystem).SelfAddress;
        Akka.Cluster.Cluster.Get(hostingSystem).Join(seed);
        Akka.Cluster.Cluster.Get(proxySystem).Join(seed);
        await Poll.UntilAsync(() => new[] { hostingSystem, proxySystem }.All(s => Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == MemberStatus.Up) == 2),
            "two members up");

        Assert.True(ClusterPrimitives.Get(hostingSystem).IsHost);
        Assert.False(ClusterPrimitives.Get(proxySystem).IsHost);
        Assert.Same(ClusterPrimitives.Get(proxySystem).Region, await proxy.Services.GetRequiredService<ActorRegistry>().GetAsync<ClusterPrimitives>());

        var fromProxy = ClusterPrimitives.Get(proxySystem).Lock("hosted-lock");
        await using (await fromProxy.LockAsync().WaitAsync(Patience))
        {
            Assert.False(await ClusterPrimitives.Get(hostingSystem).Lock("hosted-lock").TryAcquireAsync().WaitAsync(Patience));
        }

        Assert.Equal(seed, await ClusterPrimitives.Get(proxySystem).LocateAsync(fromProxy).WaitAsync(Patience));
    }

    [Fact]
    public async Task AddClusterPrimitive_InjectsFacadesByKey_IntoConstructorsThatRunBeforeAkkaStarted()
    {
        var host = await StartAsync([Role], services => services
            .AddHostedService<EarlyConsumer>()
            .AddClusterPrimitive<AccountsLock, ActorLock>(cluster => cluster.Lock("injected-lock"))
            .AddClusterPrimitive<JobQueue, ActorQueue<string>>(cluster => cluster.Queue<string>("injected-jobs")));
        var system = host.Services.GetRequiredService<ActorSystem>();
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        await Poll.UntilAsync(() => cluster.State.Members.Count(m => m.Status == MemberStatus.Up) == 1, "the node up");

        var early = host.Services.GetServices<IHostedService>().OfType<EarlyConsumer>().Single();
        Assert.True(early.ConstructedBeforePrimitivesStarted);
        Assert.Same(early.Jobs, host.Services.GetRequiredKeyedService<ActorQueue<string>>(typeof(JobQueue)));
        await early.Jobs.PutAsync("job").WaitAsync(Patience);
        Assert.Equal("job", await ClusterPrimitives.Get(system).Queue<string>("injected-jobs").GetAsync().WaitAsync(Patience));
        await using (await early.Lock.LockAsync().WaitAsync(Patience))
        {
            Assert.False(await ClusterPrimitives.Get(system).Lock("injected-lock").TryAcquireAsync().WaitAsync(Patience));
        }
    }

    [Fact]
    public async Task WithClusterPrimitives_MaxHoldTimes_BoundTheNamedLock_WhoseOverLongHoldIsLost_AndTheWaiterGetsAHigherToken()
    {
        var bound = TimeSpan.FromMilliseconds(500);
        var host = await StartAsync([Role], options: new ClusterPrimitivesOptions
        {
            Role = Role, MaxHoldTimes = new Dictionary<string, TimeSpan> { [PrimitiveEntityIds.Lock("bounded-lock")] = bound },
        });
        var system = host.Services.GetRequiredService<ActorSystem>();
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        await Poll.UntilAsync(() => cluster.State.Members.Count(m => m.Status == MemberStatus.Up) == 1, "the node up");
        var mutex = ClusterPrimitives.Get(system).Lock("bounded-lock");

        var first = await mutex.LockAsync().WaitAsync(Patience);
        var next = mutex.LockAsync();
        await Poll.UntilAsync(() => first.HoldLost.IsCancellationRequested, "the over-long hold lost");
        var granted = await next.WaitAsync(Patience);

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.True(granted.FencingToken > first.FencingToken, $"{granted.FencingToken} after {first.FencingToken}");
        Assert.Equal(bound, (await mutex.GetStatisticsAsync().WaitAsync(Patience)).MaxHoldTime);
        Assert.Null((await ClusterPrimitives.Get(system).Lock("unbounded-lock").GetStatisticsAsync().WaitAsync(Patience)).MaxHoldTime);
    }

    [Theory]
    [InlineData("event:not-a-lock", 1000)]
    [InlineData("lock:bounded", 0)]
    public async Task ClusterPrimitivesStart_MaxHoldTimeOfNoHoldingPrimitiveOrNotPositive_IsRefused(string entityId, int milliseconds)
    {
        var system = ActorSystem.Create("refused", "akka.loglevel = WARNING");
        var options = new ClusterPrimitivesOptions { MaxHoldTimes = new Dictionary<string, TimeSpan> { [entityId] = TimeSpan.FromMilliseconds(milliseconds) } };

        Assert.ThrowsAny<ArgumentException>(() => ClusterPrimitives.Start(system, options));
        await system.Terminate();
    }

    [Fact]
    public async Task AddClusterPrimitive_WithoutWithClusterPrimitives_FailsAtResolutionSayingWhatIsMissing()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services
                .AddAkka("unregistered", builder => builder.AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend))
                .AddClusterPrimitive<AccountsLock, ActorLock>(cluster => cluster.Lock("nowhere")))
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredKeyedService<ActorLock>(typeof(AccountsLock)));
        Assert.Contains("WithClusterPrimitives", error.Message);
        await host.Services.GetRequiredService<ActorSystem>().Terminate();
    }

    private async Task<IHost> StartAsync(string[] roles, Action<IServiceCollection>? configure = null, ClusterPrimitivesOptions? options = null)
    {
        var host = new HostBuilder()
            .ConfigureServices(services =>
            {
                configure?.Invoke(services);
                services.AddAkka("hosted", builder => builder
                    .AddHocon("akka.loglevel = WARNING\nakka.coordinated-shutdown.run-by-actor-system-terminate = off", HoconAddMode.Prepend)
                    .WithRemoting("127.0.0.1", 0)
                    .WithClustering(new ClusterOptions { Roles = roles })
                    .WithClusterPrimitives(options ?? new ClusterPrimitivesOptions { Role = Role }));
            })
            .Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private sealed class AccountsLock;

    private sealed class JobQueue;

    /// <summary>A hosted service registered before Akka's, so its constructor runs before the primitives are started.</summary>
    private sealed class EarlyConsumer(
        [FromKeyedServices(typeof(JobQueue))] ActorQueue<string> jobs,
        [FromKeyedServices(typeof(AccountsLock))] ActorLock mutex,
        IReadOnlyActorRegistry registry) : IHostedService
    {
        public bool ConstructedBeforePrimitivesStarted { get; } = !registry.TryGet<ClusterPrimitives>(out _);

        public ActorQueue<string> Jobs { get; } = jobs;

        public ActorLock Lock { get; } = mutex;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
