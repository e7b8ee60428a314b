using System.Diagnostics;
using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// <c>compare --distributed</c>: every distributed scenario against the actor cluster (three nodes in this process;
/// Akka.Remote's batching on, and off for the difference), DistributedLock.Redis and DistributedLock.Postgres, one way after the other in one
/// process, each run checked; then the report (console table, goals, guarantees, Markdown, JSON, chart).
/// </summary>
internal static class DistributedRunner
{
    /// <summary>The scenarios, in report order.</summary>
    public static IReadOnlyList<IDistributedScenario> Scenarios { get; } =
        [LockScenario.Alone, LockScenario.ManyNames, LockScenario.Contended, new SemaphoreLimitScenario(), new WorkQueueScenario()];

    /// <summary>The report's layout: ratios to DistributedLock.Redis, the lock most users would reach for.</summary>
    public static ReportLayout Layout { get; } = new(
        "compare-distributed",
        "Distributed comparison: actor cluster primitives, DistributedLock.Redis, DistributedLock.Postgres",
        RedisWay.Column,
        "Redis",
        [ClusterWay.Column, ClusterWay.UnbatchedColumn, RedisWay.Column, PostgresWay.Column],
        new Dictionary<string, string>
        {
            [ClusterWay.Column] = "#f58518", [ClusterWay.UnbatchedColumn] = "#fdbf6f", [RedisWay.Column] = "#d62728", [PostgresWay.Column] = "#4c78a8",
        },
        new Dictionary<string, string>
        {
            [ClusterWay.Column] = "actor cluster, batching on (FIFO, fencing tokens, owner-death release, hold-lost signal)",
            [ClusterWay.UnbatchedColumn] = "actor cluster, batching off",
            [RedisWay.Column] = "DistributedLock.Redis (polling, lease expiry, hold-lost signal)",
            [PostgresWay.Column] = "DistributedLock.Postgres (FIFO lock, connection-bound, hold-lost signal)",
        },
        ShowLongestWait: true);

    /// <summary>Opens one way; null with the reason when it cannot run.</summary>
    private sealed record WayStarter(string Column, Func<CancellationToken, Task<IDistributedWay>> StartAsync);

    public static async Task<(CompareReport Report, ReportFiles Files)> RunAsync(CompareOptions options, TextWriter output, CancellationToken cancellation = default)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var sizes = options.Sizes;
        var scenarios = Scenarios.Where(s => options.Only is null || options.Only.Contains(s.Name)).ToList();
        output.WriteLine($"compare --distributed ({sizes.Profile}): {scenarios.Count} scenarios, {sizes.Runs} measured runs each after " +
                         $"{sizes.WarmupRuns} warm-up, on {CompareReport.DescribeMachine()}");

        var notes = new List<string>();
        await using var servers = new LocalServers(LocalServers.DefaultDataDirectory, line => output.WriteLine($"servers: {line}"));
        var starters = await StartersAsync(options, servers, notes, output, cancellation);
        var tag = $"cmp{Environment.ProcessId}x{startedAt:HHmmss}";
        var results = scenarios.ToDictionary(s => s.Name, _ => new List<WayResult>());
        var total = scenarios.Count * starters.Count;
        var step = 0;
        var run = 0;
        await WarmUpAsync(starters, scenarios, sizes, tag, output, cancellation);
        foreach (var starter in starters)
        {
            IDistributedWay way;
            try
            {
                way = await starter.StartAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"{starter.Column} did not start and was skipped: {e.GetType().Name}: {e.Message}");
                output.WriteLine($"{starter.Column}: did not start ({e.Message}); skipped.");
                step += scenarios.Count;
                continue;
            }
            await using (way)
            {
                foreach (var scenario in scenarios)
                {
                    step++;
                    var runs = await CompareRunner.MeasureAsync(() => scenario.RunAsync(way, sizes.Distributed, $"{tag}-{++run}", cancellation), sizes, cancellation);
                    var result = WayResult.From(way.Name, runs, latencyMeaningful: true);
                    results[scenario.Name].Add(result);
                    output.WriteLine(CompareRunner.ProgressLine(step, total, scenario.Name, scenario.Unit, result));
                }
            }
        }

        var report = new CompareReport(startedAt, clock.Elapsed, sizes.Profile, sizes, CompareReport.DescribeMachine(), null, null,
            scenarios.Select(s => new ScenarioResult(s.Name, s.Title, s.Unit, s.LatencyMeaning, results[s.Name])).ToList());
        var goals = DistributedGoals.Judge(report);
        DistributedSummary.Write(report, goals, notes, output);
        var files = await CompareRunner.FinishAsync(report, Layout, options.ReportDirectory, output,
            DistributedSummary.Markdown(report, goals, notes), cancellation);
        return (report, files);
    }

    /// <summary>
    /// One unmeasured round of every scenario on a throw-away instance of the first way (a cluster when one runs): the
    /// first cluster of a process otherwise pays for warming the process up (JIT, thread pool) despite each scenario's
    /// own warm-up round — quiet runs without this put whichever cluster ran second ahead in every row, batching on or off.
    /// </summary>
    private static async Task WarmUpAsync(List<WayStarter> starters, List<IDistributedScenario> scenarios, CompareSizes sizes, string tag,
        TextWriter output, CancellationToken cancellation)
    {
        if (starters.Count == 0) return;
        output.WriteLine($"warming the process up: one unmeasured round of every scenario on a throw-away {starters[0].Column}");
        try
        {
            await using var way = await starters[0].StartAsync(cancellation);
            foreach (var scenario in scenarios) await scenario.RunAsync(way, sizes.Distributed, $"{tag}-warm-{scenario.Name}", cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.WriteLine($"warm-up failed ({e.GetType().Name}: {e.Message}); measuring anyway.");
        }
    }

    /// <summary>The ways to run, in column order; a server that is missing is a note, not a failure.</summary>
    private static async Task<List<WayStarter>> StartersAsync(CompareOptions options, LocalServers servers, List<string> notes, TextWriter output,
        CancellationToken cancellation)
    {
        var prefix = $"cmp{Environment.ProcessId}";
        var starters = new List<WayStarter>();
        if (options.Batching is BatchingChoice.Both or BatchingChoice.On)
            starters.Add(new(ClusterWay.Column, async c => await ClusterWay.StartAsync(batching: true, c)));
        if (options.Batching is BatchingChoice.Both or BatchingChoice.Off)
            starters.Add(new(ClusterWay.UnbatchedColumn, async c => await ClusterWay.StartAsync(batching: false, c)));

        var (redis, redisMissing) = options.RedisEndpoint is { } givenRedis ? (givenRedis, null) : await Safely(servers.EnsureRedisAsync);
        if (redis is not null) starters.Add(new(RedisWay.Column, async _ => await RedisWay.ConnectAsync(redis, prefix + ":")));
        else Skip(RedisWay.Column, redisMissing!);

        var (postgres, postgresMissing) = options.PostgresConnectionString is { } givenPostgres ? (givenPostgres, null) : await Safely(servers.EnsurePostgresAsync);
        if (postgres is not null) starters.Add(new(PostgresWay.Column, async c => await PostgresWay.ConnectAsync(postgres, prefix, c)));
        else Skip(PostgresWay.Column, postgresMissing!);
        return starters;

        // A server that fails to start (its port taken by something else, a broken data folder) is a note, not a crash.
        async Task<(string?, string?)> Safely(Func<CancellationToken, Task<(string?, string?)>> ensure)
        {
            try
            {
                return await ensure(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null, $"the server did not start: {e.Message}");
            }
        }

        void Skip(string column, string why)
        {
            notes.Add($"{column} was not run: {why}.");
            output.WriteLine($"{column}: not run: {why}.");
        }
    }
}
