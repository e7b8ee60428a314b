using Actors.Cluster;
using Actors.Lock;
using Actors.Queue;
using Actors.Semaphore;
using Akka.Actor;
using Akka.Configuration;

namespace Actors.Host.Distributed;

/// <summary>
/// This library's cluster primitives (<c>src/Actors.Cluster</c>) on three cluster nodes in this process: actor systems on
/// 127.0.0.1 with ports chosen free, joined to the first, the primitives' shard region started on each. Caller
/// <c>i</c> works on node <c>i % 3</c>, so most requests cross Akka.Remote's TCP loopback as they would between machines.
/// </summary>
/// <remarks>
/// <c>akka.remote.dot-netty.tcp.batching</c> gathers outgoing writes and flushes them together (when the event loop runs
/// dry, at the latest after <c>flush-interval</c>), so a lone request is not held back, and a busy node makes fewer
/// socket writes and thread wake-ups. The comparison measures both settings (<see cref="BatchingChoice"/>); on is Akka's
/// default and the chosen setting. On a quiet machine the cluster measured second was ahead whichever setting it had
/// (see the README): the difference between the settings is smaller than that order effect. Shards are not rebalanced
/// while the comparison runs (<c>rebalance-interval = 1h</c>), so a name stays where it was placed.
/// </remarks>
internal sealed class ClusterWay : IDistributedWay
{
    /// <summary>The report's column of the cluster with the chosen setting: batching on, Akka's default.</summary>
    public const string Column = "actor-cluster";

    /// <summary>The report's column of the cluster with batching off, measured for the difference.</summary>
    public const string UnbatchedColumn = "actor-cluster-unbatched";

    /// <summary>How many nodes the cluster has.</summary>
    public const int Nodes = 3;

    private readonly IReadOnlyList<ActorSystem> _systems;

    private ClusterWay(IReadOnlyList<ActorSystem> systems, bool batching)
    {
        _systems = systems;
        Name = batching ? Column : UnbatchedColumn;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>What the cluster primitives promise.</summary>
    public static WayGuarantees Promises { get; } = new(
        Fifo: "yes: one coordinator queues waiters in order",
        FencingTokens: "yes: every grant of a lock carries a higher token",
        OwnerDeathRelease: "yes: an owner actor's death or its node's downing releases (DeathWatch)",
        HoldLostSignal: "yes: the lease's HoldLost fires when this node loses contact with the lock's node or is downed, and when the hold is revoked or expires",
        Queue: "the cluster's queue primitive (ActorQueue, one entity)");

    /// <inheritdoc />
    public WayGuarantees Guarantees => Promises;

    /// <summary>Starts three nodes with batching on or off and returns once all three see all three up.</summary>
    public static async Task<ClusterWay> StartAsync(bool batching, CancellationToken cancellation)
    {
        var config = NodeConfig(batching);
        var systems = Enumerable.Range(0, Nodes).Select(_ => ActorSystem.Create("distributed-compare", config)).ToList();
        var way = new ClusterWay(systems, batching);
        try
        {
            var up = systems.Select(system =>
            {
                var memberUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => memberUp.TrySetResult());
                return memberUp.Task;
            }).ToList();
            foreach (var system in systems) ClusterPrimitives.Start(system);
            var seed = Akka.Cluster.Cluster.Get(systems[0]).SelfAddress;
            foreach (var system in systems) Akka.Cluster.Cluster.Get(system).Join(seed);
            await Task.WhenAll(up).WaitAsync(TimeSpan.FromSeconds(60), cancellation);
            await way.AwaitEveryRegionAsync(cancellation);
            return way;
        }
        catch
        {
            await way.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IDistributedHold> LockAsync(string name, int caller, CancellationToken cancellation)
    {
        var lease = await Primitives(caller).Lock(name).LockAsync(cancellation);
        return new LeaseHold(lease, lease.FencingToken);
    }

    /// <inheritdoc />
    public async Task<IDistributedHold> EnterSemaphoreAsync(string name, int permits, int caller, CancellationToken cancellation) =>
        new LeaseHold(await Primitives(caller).Semaphore(name, permits, bounded: true).EnterAsync(cancellation), null);

    /// <inheritdoc />
    public IDistributedQueue Queue(string name, int caller) => new ClusterQueue(Primitives(caller).Queue<long>(name));

    /// <inheritdoc />
    public async Task<string?> DescribePlacementAsync(IReadOnlyList<string> names)
    {
        var local = 0;
        for (var caller = 0; caller < names.Count; caller++)
        {
            var home = await Primitives(caller).LocateAsync(Primitives(caller).Lock(names[caller]));
            if (home.Equals(Akka.Cluster.Cluster.Get(_systems[caller % Nodes]).SelfAddress)) local++;
        }
        return $"{local} of {names.Count} names on their caller's node";
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">None of the first names tried lives away from the caller's node.</exception>
    public async Task<string> NameAwayFromAsync(string prefix, int caller)
    {
        const int tries = 1000;
        var callersNode = Akka.Cluster.Cluster.Get(_systems[caller % Nodes]).SelfAddress;
        for (var i = 0; i < tries; i++)
        {
            var name = $"{prefix}-{i}";
            if (!(await Primitives(caller).LocateAsync(Primitives(caller).Lock(name))).Equals(callersNode)) return name;
        }

        throw new InvalidOperationException($"None of {tries} names lives away from {callersNode}: every shard is on the caller's node.");
    }

    /// <summary>
    /// Waits until the shard coordinator knows every node's region. A region that registers late gets no shard at all
    /// (the coordinator gives new shards to the regions it knows, and shards do not move here), so a name could never be
    /// placed away from the first node: seen once, when a run placed 1.5 million names on one node before anything else.
    /// </summary>
    private async Task AwaitEveryRegionAsync(CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var stats = await Primitives(0).Region.Ask<Akka.Cluster.Sharding.ClusterShardingStats>(
                new Akka.Cluster.Sharding.GetClusterShardingStats(TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(10), cancellation);
            if (stats.Regions.Count >= Nodes) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {stats.Regions.Count} of {Nodes} shard regions registered with the coordinator within 60 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    /// <summary>
    /// Stops the nodes one at a time, the seed last, each leaving the cluster (coordinated shutdown), so no node is
    /// still sending to one whose remoting has stopped.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var system in _systems.Reverse().Where(s => !s.WhenTerminated.IsCompleted))
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
    }

    private ClusterPrimitives Primitives(int caller) => ClusterPrimitives.Get(_systems[caller % Nodes]);

    private static Config NodeConfig(bool batching) => ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          actor.provider = cluster
          remote.log-remote-lifecycle-events = off
          remote.dot-netty.tcp {
            hostname = 127.0.0.1
            port = 0
            batching.enabled = {{(batching ? "on" : "off")}}
          }
          cluster {
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver.active-strategy = keep-majority
            sharding {
              # No shard moves while the comparison measures: a move hands its entities off, and without persistence a
              # primitive comes back empty on its new node (the README's "State that survives its node"); a lock held
              # across a move could be granted twice. Shards are placed once, on the node with the fewest.
              rebalance-interval = 1h
              state-store-mode = ddata
              distributed-data.durable.keys = []
            }
          }
        }
        """).WithFallback(ClusterPrimitivesConfig.Serialization);

    private sealed class LeaseHold(Lease lease, long? fencingToken) : IDistributedHold
    {
        public long? FencingToken => fencingToken;

        public ValueTask DisposeAsync() => lease.DisposeAsync();
    }

    private sealed class ClusterQueue(ActorQueue<long> queue) : IDistributedQueue
    {
        public Task PutAsync(long item, CancellationToken cancellation) => queue.PutAsync(item, cancellation);

        public Task<long> TakeAsync(CancellationToken cancellation) => queue.GetAsync(cancellation);
    }
}
