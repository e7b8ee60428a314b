using Akka.Configuration;

namespace Actors.Cluster.Testing.Faults;

/// <summary>The configuration of a node of an in-process test cluster.</summary>
public static class ClusterNodeConfig
{
    /// <summary>
    /// A cluster node on 127.0.0.1 with a free port, the keep-majority split-brain resolver, sharding state in memory
    /// (ddata), the protocol serializer, and <c>run-by-actor-system-terminate = off</c> so that terminating a node is a
    /// crash (it does not leave the cluster). Timings come from <paramref name="timings"/>.
    /// </summary>
    /// <param name="timings">The failure detector's and the resolver's timings.</param>
    /// <param name="throttled">
    /// Whether to add Akka.Remote's throttler adapter (<c>applied-adapters = [trttl]</c>), which the nemesis uses to cut
    /// the traffic between two nodes (addresses then read <c>akka.trttl.tcp://</c>).
    /// </param>
    public static Config For(ClusterTimings timings, bool throttled)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var adapters = throttled ? "akka.remote.dot-netty.tcp.applied-adapters = [trttl]" : "";
        return ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              log-dead-letters = off
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = 127.0.0.1
                port = 0
                batching.enabled = false
              }
              coordinated-shutdown.run-by-actor-system-terminate = off
              cluster {
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver.active-strategy = keep-majority
                sharding {
                  state-store-mode = ddata
                  distributed-data.durable.keys = []
                }
              }
            }
            {{adapters}}
            """).WithFallback(timings.Config).WithFallback(ClusterPrimitivesConfig.Serialization);
    }
}
