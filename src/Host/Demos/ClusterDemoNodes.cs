using Actors.Cluster;
using Actors.Cluster.Persistence;
using Akka.Actor;
using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace Actors.Host.Demos;

/// <summary>
/// The three nodes of <c>demo cluster</c>: actor systems on 127.0.0.1 in this process, each on a free port, with the
/// cluster primitives started and persisted to one SQLite file in the temporary folder (WAL mode, shared by the nodes
/// as processes on one machine would share it), joined programmatically. Disposing terminates them and deletes the file.
/// </summary>
internal sealed class ClusterDemoNodes : IAsyncDisposable
{
    /// <summary>
    /// DEMO-ONLY failure detection, so a killed node is downed within seconds instead of Akka's ~25 s: heartbeats every
    /// 200 ms, unreachable after about 1.5 s of silence, and the split-brain resolver (keep-majority, as in production)
    /// deciding after 2 s of stable membership. Terminating a node does not leave the cluster: it is a crash as the others
    /// see it.
    /// </summary>
    private static readonly Config NodeConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          actor.provider = cluster
          remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0, batching.enabled = false }
          coordinated-shutdown.run-by-actor-system-terminate = off
          cluster {
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver { active-strategy = keep-majority, stable-after = 2s }
            failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s, expected-response-after = 400ms }
            unreachable-nodes-reaper-interval = 200ms
            leader-actions-interval = 200ms
            gossip-interval = 200ms
            sharding { state-store-mode = ddata, distributed-data.durable.keys = [] }
          }
        }
        """).WithFallback(ClusterPrimitivesConfig.Serialization);

    private readonly string _databaseFile;

    private ClusterDemoNodes(string databaseFile, IReadOnlyList<ActorSystem> systems)
    {
        _databaseFile = databaseFile;
        Systems = systems;
    }

    /// <summary>The nodes; node <c>i</c> is printed as "node i+1".</summary>
    public IReadOnlyList<ActorSystem> Systems { get; }

    /// <summary>The cluster primitives of node <paramref name="index"/>.</summary>
    public ClusterPrimitives Primitives(int index) => ClusterPrimitives.Get(Systems[index]);

    /// <summary>The address of node <paramref name="index"/>.</summary>
    public Address AddressOf(int index) => Akka.Cluster.Cluster.Get(Systems[index]).SelfAddress;

    /// <summary>The index of the node at <paramref name="address"/>.</summary>
    public int IndexOf(Address address) => Enumerable.Range(0, Systems.Count).First(i => AddressOf(i) == address);

    /// <summary>Starts <paramref name="count"/> nodes and returns once every node sees all of them up.</summary>
    public static async Task<ClusterDemoNodes> StartAsync(int count, CancellationToken cancellation)
    {
        var databaseFile = Path.Combine(Path.GetTempPath(), $"actors-demo-cluster-{Guid.NewGuid():N}.db");
        using (var connection = new SqliteConnection($"Data Source={databaseFile}"))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        var config = ClusterPrimitivesConfig.Sqlite(databaseFile).WithFallback(NodeConfig);
        var options = new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() };
        var systems = Enumerable.Range(0, count).Select(_ => ActorSystem.Create("bank", config)).ToList();
        var nodes = new ClusterDemoNodes(databaseFile, systems);
        try
        {
            foreach (var system in systems) ClusterPrimitives.Start(system, options);
            foreach (var system in systems) Akka.Cluster.Cluster.Get(system).Join(nodes.AddressOf(0));
            await nodes.UntilAsync(() => systems.All(s => Akka.Cluster.Cluster.Get(s).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) == count),
                cancellation);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Terminates node <paramref name="index"/> without leaving the cluster: the others see a crash.</summary>
    public Task KillAsync(int index) => Systems[index].Terminate();

    /// <summary>Returns once node <paramref name="observer"/> no longer counts node <paramref name="removed"/> as a member (downed and removed).</summary>
    public Task UntilRemovedAsync(int removed, int observer, CancellationToken cancellation)
    {
        var address = AddressOf(removed);
        return UntilAsync(() => Akka.Cluster.Cluster.Get(Systems[observer]).State.Members.All(m => m.Address != address), cancellation);
    }

    /// <summary>Checks membership every 50 ms: the demo waits for a state that the cluster shows but announces to no caller.</summary>
    private async Task UntilAsync(Func<bool> condition, CancellationToken cancellation)
    {
        while (!condition()) await Task.Delay(50, cancellation);
    }

    /// <summary>Terminates every node still running and deletes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Systems.Where(s => !s.WhenTerminated.IsCompleted).Select(s => s.Terminate()));
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databaseFile)!, Path.GetFileName(_databaseFile) + "*")) File.Delete(file);
    }
}
