using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// The goals of issue 17, measured in the run itself: how the actor cluster (the chosen setting, batching on) compares with
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
        "every hand-over is a release told to the lock's entity and then a grant sent to the next waiter: two messages in a row, " +
        "two thirds of them over Akka.Remote, each waking threads of another actor system; with three actor systems, Redis, " +
        "PostgreSQL and other work sharing 2 cores, every wake-up waits for a core, and a FIFO lock makes each owner wait for " +
        "the hand-overs of all 15 others, so its longest wait is 16 slow hand-overs (Redis lets the releasing owner take the " +
        "lock straight back; PostgreSQL grants inside one server process)";

    private const string WhyAlone =
        "a cycle is an Ask round trip to the lock's entity on another node (a temporary actor, the request serialised, Akka.Remote's " +
        "endpoint actors and a TCP hop each way) plus a told release; Redis and PostgreSQL answer one command each in one C process";

    private const string WhyManyNames =
        "a name whose entity lives on another node costs a round trip over Akka.Remote per cycle (one on the caller's node costs " +
        "none: region, shard and entity are local actors), and Redis pipelines the 16 owners' commands over one connection";
}
