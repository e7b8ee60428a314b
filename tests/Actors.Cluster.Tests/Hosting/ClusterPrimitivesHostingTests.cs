using Actors.Cluster.Hosting;
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

    private async Task<IHost> StartAsync(string[] roles)
    {
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("hosted", builder => builder
                .AddHocon("akka.loglevel = WARNING\nakka.coordinated-shutdown.run-by-actor-system-terminate = off", HoconAddMode.Prepend)
                .WithRemoting("127.0.0.1", 0)
                .WithClustering(new ClusterOptions { Roles = roles })
                .WithClusterPrimitives(new ClusterPrimitivesOptions { Role = Role })))
            .Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
