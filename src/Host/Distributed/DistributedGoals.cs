using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// The goals of issue 17, measured in the run itself: how the actor cluster (batching off) compares with
/// DistributedLock.Redis and DistributedLock.Postgres in throughput and in the longest wait. Each goal is a ratio that
/// must reach a target; a goal whose ways did not both run is not judged.
/// </summary>
internal static class DistributedGoals
{
    /// <summary>One goal's outcome.</summary>
    /// <param name="Goal">What was aimed for.</param>
    /// <param name="Ratio">The measured ratio (higher is better), or null when a way is missing.</param>
    /// <param name="Target">The ratio aimed for.</param>
    /// <param name="WhyMissed">The cause when the goal is missed.</param>
    public sealed record Outcome(string Goal, double? Ratio, double Target, string WhyMissed)
    {
        /// <summary>Whether the ratio reached the target.</summary>
        public bool? Met => Ratio is { } r ? r >= Target : null;

        /// <summary>One line: the goal, the ratio, and by how much it was missed.</summary>
        public string Verdict => Met switch
        {
            null => "not judged: a way did not run",
            true => $"met: {Format.Ratio(Ratio)} (goal {Format.Ratio(Target)})",
            false => $"MISSED: {Format.Ratio(Ratio)}, goal {Format.Ratio(Target)} — short by {(1 - Ratio!.Value / Target) * 100:0}%",
        };
    }

    private const string Cluster = ClusterWay.Column, Redis = RedisWay.Column, Postgres = PostgresWay.Column;

    /// <summary>Judges every goal on <paramref name="report"/>.</summary>
    public static IReadOnlyList<Outcome> Judge(CompareReport report)
    {
        ScenarioResult? Scenario(LockScenario s) => report.Scenarios.FirstOrDefault(r => r.Name == s.Name);
        double? Throughput(LockScenario s, string over) => Scenario(s)?.Ratio(Cluster, over);
        double? WaitShorter(LockScenario s, string than) =>
            Scenario(s) is { } r && r.Find(Cluster)?.LongestWaitMicros is > 0 and var mine && r.Find(than)?.LongestWaitMicros is { } theirs
                ? theirs / mine : null;

        return
        [
            new("16 owners on one name: throughput ≥ 5× Redis's", Throughput(LockScenario.Contended, Redis), 5, WhyContended),
            new("16 owners on one name: throughput ≥ 5× PostgreSQL's", Throughput(LockScenario.Contended, Postgres), 5, WhyContended),
            new("16 owners on one name: longest wait ≥ 5× shorter than PostgreSQL's", WaitShorter(LockScenario.Contended, Postgres), 5, WhyContended),
            new("one client alone: throughput ≥ Redis's", Throughput(LockScenario.Alone, Redis), 1, WhyAlone),
            new("one client alone: throughput ≥ 3× PostgreSQL's", Throughput(LockScenario.Alone, Postgres), 3, WhyAlone),
            new("many owners, each on its own name: throughput ≥ Redis's", Throughput(LockScenario.ManyNames, Redis), 1, WhyManyNames),
        ];
    }

    private const string WhyContended =
        "every hand-over is a release told to the entity and a grant sent to the next waiter, two messages, two thirds of them " +
        "across Akka.Remote (the owners live on three nodes), each a TCP write and a wake-up of the other node's threads on " +
        "2 shared cores";

    private const string WhyAlone =
        "a cycle is one Ask round trip (the facade over a sharded entity uses Ask: a temporary actor and its path) through the " +
        "shard region, over Akka.Remote when the name lives on another node, plus the release told; Redis pays one command " +
        "round trip on a pipelined connection per acquire and per release";

    private const string WhyManyNames =
        "the same round trips as one client alone, with 16 owners sharing 2 cores with three actor systems; a name on the " +
        "caller's node takes no network hop (region, shard and entity are local actors) but still an Ask";
}
