using Actors.Cluster.Tests.Support;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Actors.Benchmarks;

/// <summary>
/// A shard region of <see cref="Echo"/> entities on every node of a test cluster, with the primitives' shard count and
/// extractor: the floor a cluster primitive's round trip is measured against.
/// </summary>
internal sealed class EchoRegion
{
    private const string TypeName = "echo";
    private readonly ClusterNodes _nodes;

    private EchoRegion(ClusterNodes nodes) => _nodes = nodes;

    /// <summary>Starts the region on every node of <paramref name="nodes"/>.</summary>
    public static EchoRegion Start(ClusterNodes nodes)
    {
        foreach (var system in nodes.Systems)
            ClusterSharding.Get(system).Start(TypeName, Props.Create<Echo>(), ClusterShardingSettings.Create(system),
                HashCodeMessageExtractor.Create(100, _ => null!, message => message));
        return new EchoRegion(nodes);
    }

    /// <summary>The region as node <paramref name="node"/> reaches it.</summary>
    public IActorRef On(int node) => ClusterSharding.Get(_nodes.Systems[node]).ShardRegion(TypeName);

    /// <summary>The first entity id <c>echo-i</c> that lives on node <paramref name="host"/>.</summary>
    public async Task<string> EntityHostedOnAsync(int host)
    {
        for (var i = 0; ; i++)
        {
            var identity = await On(0).Ask<ActorIdentity>(new ShardingEnvelope($"echo-{i}", new Identify(null)), TimeSpan.FromSeconds(10));
            if (identity.Subject!.Path.Address == _nodes.AddressOf(host) ||
                (host == 0 && !identity.Subject.Path.Address.HasGlobalScope)) return $"echo-{i}";
        }
    }

    /// <summary>One echo round trip from node <paramref name="node"/> to entity <paramref name="entityId"/>.</summary>
    public Task<object> AskAsync(int node, string entityId) => On(node).Ask<object>(new ShardingEnvelope(entityId, "ping"), TimeSpan.FromSeconds(10));
}
