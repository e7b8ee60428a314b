using Actors.Cluster.Persistence;
using Akka.Actor;
using Akka.Configuration;

namespace Actors.Cluster.QueueHost;

/// <summary>The child's one-node cluster: cluster primitives persisted in a SQLite file, joined to itself.</summary>
internal static class QueueNode
{
    /// <summary>
    /// How long a getter has to confirm a delivery here: short, so that the item of a getter killed with the process
    /// comes back soon after the restart (the production default is 30 s).
    /// </summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(2);

    public static async Task<ActorSystem> StartAsync(string database)
    {
        var config = ConfigurationFactory.ParseString("""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              log-dead-letters = off
              actor.provider = cluster
              remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
              cluster.sharding { state-store-mode = ddata, distributed-data.durable.keys = [] }
            }
            """).WithFallback(ClusterPrimitivesConfig.Sqlite(database)).WithFallback(ClusterPrimitivesConfig.Serialization);
        var system = ActorSystem.Create("queue-host", config);
        ClusterPrimitives.Start(system, new ClusterPrimitivesOptions { Persistence = new PersistenceOptions { ConfirmDeliveriesWithin = ConfirmWithin } });
        var up = new TaskCompletionSource();
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return system;
    }
}
