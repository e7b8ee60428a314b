using Actors.Host.Compare;
using Actors.Host.Distributed;

namespace Actors.Host.Tests.Distributed;

/// <summary>
/// The chart and report of <c>compare --distributed</c>, drawn from a report whose figures the test chooses: a bar per
/// scenario and way as a ratio to Redis, the longest wait in each label, the guarantees in the legend, and the goals judged.
/// </summary>
public sealed class DistributedChartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actors-distributed-chart-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WayResult Way(string way, double median, double longestWaitMicros, bool correct = true) =>
        new(way, median, median * 0.8, median * 1.25, 100, 1_000, correct, "checked", 3, longestWaitMicros);

    private static CompareReport Report() => new(
        DateTimeOffset.Now, TimeSpan.FromSeconds(1), "test", CompareSizes.Tiny, "a test machine", null, null,
        [
            new ScenarioResult(LockScenario.Contended.Name, "16 owners", "cycle", "wait", [
                Way(ClusterWay.Column, 6_000, 20_000), Way(ClusterWay.UnbatchedColumn, 3_000, 40_000),
                Way(RedisWay.Column, 1_000, 1_500_000), Way(PostgresWay.Column, 600, 150_000)]),
            new ScenarioResult(LockScenario.Alone.Name, "alone", "cycle", "wait", [
                Way(ClusterWay.Column, 2_000, 5_000), Way(RedisWay.Column, 2_500, 5_000), Way(PostgresWay.Column, 1_000, 8_000, correct: false)]),
        ]);

    [Fact]
    public void Bars_AreRatiosToRedis_InColumnOrder_WithTheLongestWaitInTheLabel()
    {
        var bars = ThroughputChart.Bars(Report(), DistributedRunner.Layout);

        Assert.Equal(
            [ClusterWay.Column, ClusterWay.UnbatchedColumn, RedisWay.Column, PostgresWay.Column, ClusterWay.Column, RedisWay.Column, PostgresWay.Column],
            bars.Select(b => b.Way));
        var cluster = bars[0];
        Assert.Equal(6.0, cluster.Ratio!.Value, 6);
        Assert.Equal("6.00×, 6.0 k cycle/s, longest wait 20 ms", cluster.Label);
        Assert.Equal(1.0, bars[2].Ratio!.Value, 6);
        Assert.Contains("longest wait 1500 ms", bars[2].Label);
        Assert.Contains("WRONG", bars[6].Label);
    }

    [Fact]
    public void Save_DrawsEveryWayAsASeries_WithTheGuaranteesInTheLegend()
    {
        var png = Path.Combine(_directory, "chart.png");
        var svg = Path.Combine(_directory, "chart.svg");

        ThroughputChart.Save(Report(), DistributedRunner.Layout, png, svg);

        Assert.True(new FileInfo(png).Length > 20_000, "the PNG chart is (nearly) empty");
        var text = File.ReadAllText(svg);
        foreach (var column in DistributedRunner.Layout.Columns)
            Assert.Contains(DistributedRunner.Layout.LegendOf(column), text);
        Assert.Contains("FIFO, fencing tokens, owner-death release", text);
        Assert.Contains("Redis = 1×", text);
        Assert.Contains("lock-contended", text);
        Assert.Contains("longest wait 150 ms", text);
    }

    [Fact]
    public void Goals_AreJudgedOnTheRun_AndAMissSaysByHowMuchAndWhy()
    {
        var goals = DistributedGoals.Judge(Report());

        var contendedRedis = Assert.Single(goals, g => g.Goal.Contains("throughput ≥ 5× Redis"));
        Assert.True(contendedRedis.Met);
        var alone = Assert.Single(goals, g => g.Goal == "one client alone: throughput ≥ Redis's");
        Assert.False(alone.Met);
        Assert.Equal("MISSED: 0.80×, goal 1.00× — short by 20%", alone.Verdict);
        Assert.NotEmpty(alone.WhyMissed);
        var wait = Assert.Single(goals, g => g.Goal.Contains("longest wait"));
        Assert.Equal(7.5, wait.Ratio!.Value, 6);
        var manyNames = Assert.Single(goals, g => g.Goal.Contains("its own name"));
        Assert.Null(manyNames.Met);
    }

    [Fact]
    public void Markdown_HasTheLongestWaitColumn_TheGoals_AndTheGuaranteesSideBySide()
    {
        var report = Report();
        var goals = DistributedGoals.Judge(report);

        var markdown = ReportWriter.Markdown(report, "chart.png", DistributedRunner.Layout, DistributedSummary.Markdown(report, goals, ["redis note"]));

        Assert.Contains("| vs Redis | p50 | p99 | longest wait | result |", markdown);
        Assert.Contains("| lock-contended (cycle) | actor-cluster | 6.0 k |", markdown);
        Assert.Contains("**MISSED: 0.80×, goal 1.00× — short by 20%**", markdown);
        Assert.Contains("| way | FIFO | fencing tokens | owner-death release | hold-lost signal | queue |", markdown);
        Assert.Contains("FOR UPDATE SKIP LOCKED", markdown);
        Assert.Contains("BRPOP", markdown);
        Assert.Contains("batching.enabled = on", markdown);
        Assert.Contains("- redis note", markdown);
    }
}
