using Actors.Cluster;
using Actors.Cluster.Persistence;
using Actors.Hosting;
using Akka.Actor;
using Akka.Configuration;

namespace Actors.PackageTests;

/// <summary>
/// The packed cluster library, restored as a consumer restores it: a one-node cluster whose lock and queue keep their
/// state in an embedded SQLite journal (the package's native SQLite must load), and whose lock's state comes back
/// in a second actor system over the same file.
/// </summary>
public sealed class ClusterSmokeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"actors-package-smoke-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task LockAndQueue_OnAOneNodeCluster_KeepTheirStateInSqlite()
    {
        long token;
        var system = await StartAsync();
        try
        {
            var primitives = ClusterPrimitives.Get(system);
            var queue = primitives.Queue<string>("smoke-jobs", QueueKind.Fifo);
            await queue.PutAsync("first").WaitAsync(Patience);
            await queue.PutAsync("second").WaitAsync(Patience);
            Assert.Equal("first", await queue.GetAsync().WaitAsync(Patience));

            await using (var lease = await primitives.Lock("smoke-account").LockAsync().WaitAsync(Patience))
                token = lease.FencingToken;
            Assert.True(token > 0);
        }
        finally
        {
            await system.Terminate().WaitAsync(Patience);
        }

        system = await StartAsync();
        try
        {
            var primitives = ClusterPrimitives.Get(system);
            await using (var lease = await primitives.Lock("smoke-account").LockAsync().WaitAsync(Patience))
                Assert.Equal(token + 1, lease.FencingToken);
            Assert.Equal("second", await primitives.Queue<string>("smoke-jobs", QueueKind.Fifo).GetAsync().WaitAsync(Patience));
        }
        finally
        {
            await system.Terminate().WaitAsync(Patience);
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _database, $"{_database}-wal", $"{_database}-shm" }) File.Delete(file);
    }

    private async Task<ActorSystem> StartAsync()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = WARNING
            """).WithFallback(ClusterPrimitivesConfig.Sqlite(_database)).WithFallback(ClusterPrimitivesConfig.Serialization);
        var system = ActorSystem.Create("package-smoke", config);
        ClusterPrimitives.Start(system, new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() });
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(Patience);
        return system;
    }
}
