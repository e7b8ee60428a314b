using Akka.Configuration;

namespace Actors.Cluster.Testing.Faults;

/// <summary>
/// How fast a cluster of <see cref="InProcessCluster"/> notices a silent node and decides what to down: Akka's defaults,
/// or short TEST-ONLY settings. Both use the split-brain resolver's keep-majority strategy.
/// </summary>
public sealed record ClusterTimings
{
    private ClusterTimings(string name, Config config, TimeSpan downingTime)
    {
        Name = name;
        Config = config;
        DowningTime = downingTime;
    }

    /// <summary>
    /// TEST-ONLY: heartbeats every 200 ms, a node unreachable after about 1.5 s of silence, the split-brain resolver
    /// deciding after 2 s of stable membership — a crashed or partitioned node is downed within about 4 s, so a test can
    /// inject several faults in a minute. Never use them in production: a garbage-collection pause or a busy machine
    /// would down healthy nodes.
    /// </summary>
    public static ClusterTimings Test { get; } = new("test", ConfigurationFactory.ParseString("""
        akka.cluster {
          split-brain-resolver.stable-after = 2s
          failure-detector {
            heartbeat-interval = 200ms
            acceptable-heartbeat-pause = 1s
            expected-response-after = 400ms
          }
          unreachable-nodes-reaper-interval = 200ms
          leader-actions-interval = 200ms
          gossip-interval = 200ms
        }
        """), TimeSpan.FromSeconds(4));

    /// <summary>
    /// Akka's defaults (1 s heartbeats, 3 s acceptable pause, <c>stable-after = 20s</c>): a crashed node is downed after
    /// roughly 25 s.
    /// </summary>
    public static ClusterTimings Default { get; } = new("default", Akka.Configuration.Config.Empty, TimeSpan.FromSeconds(25));

    /// <summary>The settings' name (<c>test</c> or <c>default</c>).</summary>
    public string Name { get; }

    /// <summary>The HOCON of these timings.</summary>
    public Config Config { get; }

    /// <summary>Roughly how long a silent node takes to be downed with these timings.</summary>
    public TimeSpan DowningTime { get; }

    /// <summary>The timings named <paramref name="name"/>, or null.</summary>
    public static ClusterTimings? ByName(string name) =>
        string.Equals(name, Test.Name, StringComparison.OrdinalIgnoreCase) ? Test
        : string.Equals(name, Default.Name, StringComparison.OrdinalIgnoreCase) ? Default
        : null;
}
