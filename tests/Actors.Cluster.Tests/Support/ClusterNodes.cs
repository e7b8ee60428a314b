using Akka.Actor;
using Akka.Cluster;
using Actors.Cluster.Testing.Faults;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// Several cluster nodes in the test process: ActorSystems on 127.0.0.1 with free ports, cluster primitives started on
/// each, joined programmatically (seed nodes in configuration need fixed ports). Disposing terminates every node.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    /// <summary>
    /// TEST-ONLY timings (<see cref="ClusterTimings.Test"/>), chosen so that a node killed in a test is downed within a few
    /// seconds on a slow machine; production keeps Akka's defaults, which down a crashed node after roughly 25 s.
    /// <c>run-by-actor-system-terminate = off</c> makes terminating a node a crash: it does not leave the cluster.
    /// Sharding keeps its coordinator state in distributed data (ddata), in memory.
    /// </summary>
    private static readonly Config NodeConfig = ClusterNodeConfig.For(ClusterTimings.Test, throttled: false);

    private readonly List<ActorSystem> _systems;
    private readonly Func<ActorSystem> _newNode;

    private ClusterNodes(List<ActorSystem> systems, Func<ActorSystem> newNode)
    {
        _systems = systems;
        _newNode = newNode;
    }

    /// <summary>The nodes, in the order they joined; the first is the seed.</summary>
    public IReadOnlyList<ActorSystem> Systems => _systems;

    /// <summary>The cluster primitives of node <paramref name="index"/>.</summary>
    public ClusterPrimitives Primitives(int index) => ClusterPrimitives.Get(Systems[index]);

    /// <summary>The address of node <paramref name="index"/>.</summary>
    public Address AddressOf(int index) => Akka.Cluster.Cluster.Get(Systems[index]).SelfAddress;

    /// <summary>Starts <paramref name="count"/> nodes and returns once every node sees every node up.</summary>
    /// <param name="count">How many nodes.</param>
    /// <param name="name">The actor systems' name.</param>
    /// <param name="config">Settings on top of the test settings (a journal, for example).</param>
    /// <param name="options">The cluster primitives' options on every node.</param>
    public static async Task<ClusterNodes> StartAsync(int count = 3, string name = "primitives", Config? config = null,
        ClusterPrimitivesOptions? options = null)
    {
        var nodeConfig = config is null ? NodeConfig : config.WithFallback(NodeConfig);
        ActorSystem NewNode()
        {
            var system = ActorSystem.Create(name, nodeConfig);
            ClusterPrimitives.Start(system, options);
            return system;
        }

        var systems = Enumerable.Range(0, count).Select(_ => NewNode()).ToList();
        var nodes = new ClusterNodes(systems, NewNode);
        try
        {
            var seed = Akka.Cluster.Cluster.Get(systems[0]).SelfAddress;
            foreach (var system in systems) Akka.Cluster.Cluster.Get(system).Join(seed);
            await nodes.AwaitMembersUpAsync(count).ConfigureAwait(false);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts one more node with the same settings, joins it to the seed, and returns once every node sees it up.</summary>
    /// <returns>The new node's index.</returns>
    public async Task<int> AddNodeAsync()
    {
        var system = _newNode();
        _systems.Add(system);
        Akka.Cluster.Cluster.Get(system).Join(AddressOf(0));
        await AwaitMembersUpAsync(_systems.Count).ConfigureAwait(false);
        return _systems.Count - 1;
    }

    /// <summary>
    /// Kills node <paramref name="index"/> without leaving (a crash as the others see it) and returns once the
    /// remaining nodes have downed and removed it.
    /// </summary>
    public async Task KillAsync(int index)
    {
        var address = AddressOf(index);
        await Systems[index].Terminate().ConfigureAwait(false);
        await Poll.UntilAsync(() => Survivors(index).All(system => Akka.Cluster.Cluster.Get(system).State.Members.All(m => m.Address != address)),
            $"node {address} removed").ConfigureAwait(false);
    }

    /// <summary>
    /// The first name <c>{prefix}-0</c>, <c>{prefix}-1</c>, ... whose primitive (entity id made by <paramref name="entityId"/>)
    /// lives on node <paramref name="host"/>, so a test can put a primitive where it needs it. Locating creates the entity.
    /// </summary>
    public async Task<string> NameHostedOnAsync(string prefix, Func<string, string> entityId, int host)
    {
        // A region that registered late would get no shard: the coordinator gives new shards to the regions it knows.
        var running = Systems.Count(system => !system.WhenTerminated.IsCompleted);
        await Poll.UntilAsync(() => Primitives(0).Region.Ask<Akka.Cluster.Sharding.ClusterShardingStats>(
                new Akka.Cluster.Sharding.GetClusterShardingStats(TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(10)),
            stats => stats.Regions.Count >= running, "every node's shard region registered").ConfigureAwait(false);
        for (var i = 0; i < 200; i++)
        {
            var name = $"{prefix}-{i}";
            if (await Primitives(0).LocateAsync(entityId(name)).ConfigureAwait(false) == AddressOf(host)) return name;
        }

        throw new InvalidOperationException($"No name of 200 with prefix {prefix} lives on node {host}.");
    }

    /// <summary>Whether the entity <paramref name="entityId"/> runs on any node now (asking each node's shard region).</summary>
    public async Task<bool> IsRunningAsync(string entityId)
    {
        var states = await Task.WhenAll(Systems.Select(system =>
            ClusterPrimitives.Get(system).Region.Ask<Akka.Cluster.Sharding.CurrentShardRegionState>(
                Akka.Cluster.Sharding.GetShardRegionState.Instance, Poll.Patience))).ConfigureAwait(false);
        return states.Any(state => state.Shards.Any(shard => shard.EntityIds.Contains(entityId)));
    }

    /// <summary>Returns once the entity <paramref name="entityId"/> runs on no node (passivated or stopped).</summary>
    public Task UntilStoppedAsync(string entityId) =>
        Poll.UntilAsync(() => IsRunningAsync(entityId), running => !running, $"{entityId} stopped");

    private IEnumerable<ActorSystem> Survivors(int killed) => Systems.Where((_, i) => i != killed);

    private Task AwaitMembersUpAsync(int count) => Poll.UntilAsync(
        () => Systems.All(system => Akka.Cluster.Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up) == count),
        $"{count} members up");

    /// <summary>Terminates every node that still runs.</summary>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Systems.Where(system => !system.WhenTerminated.IsCompleted).Select(system => system.Terminate())).ConfigureAwait(false);
}
