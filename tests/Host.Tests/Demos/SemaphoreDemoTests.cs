using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 8: 22 runs through a BoundedSemaphore(5), never more than 5 inside, then "all threads done".</summary>
public sealed partial class SemaphoreDemoTests
{
    [Fact]
    public async Task Semaphore_22Workers_RunOnceEachNeverMoreThanFiveInsideThenAllDone()
    {
        var lines = await DemoHarness.RunAsync("semaphore");

        var runs = lines.Select(l => RunLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(Enumerable.Range(0, 22), runs.Select(m => int.Parse(m.Groups["worker"].Value)).Order());
        Assert.All(runs, m => Assert.InRange(int.Parse(m.Groups["inside"].Value), 1, 5));

        var summary = SummaryLine().Match(lines[^2]);
        Assert.True(summary.Success, lines[^2]);
        Assert.Equal("22", summary.Groups["runs"].Value);
        Assert.InRange(int.Parse(summary.Groups["peak"].Value), 1, 5);
        Assert.Equal("-------all threads done--------", lines[^1]);
    }

    [GeneratedRegex(@"^run the thread: t-(?<worker>\d+) +\((?<inside>\d+) inside\)$")]
    private static partial Regex RunLine();

    [GeneratedRegex(@"^(?<runs>\d+) runs; at most (?<peak>\d+) inside at once \(the bound is 5\)$")]
    private static partial Regex SummaryLine();
}
