using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 13: at most two inside the BoundedSemaphore(2) gate at once; the lock makes num end at 10.</summary>
public sealed partial class SemaphoreLockDemoTests
{
    [Fact]
    public async Task SemaphoreLock_FiveWorkers_AtMostTwoInTheGateAndNumEndsAtTen()
    {
        var lines = (await DemoHarness.RunAsync("semaphore-lock")).ToList();
        var all = string.Join('\n', lines);

        var gate = lines.Select((l, index) => (Match: GateLine().Match(l), Index: index)).Where(p => p.Match.Success).ToList();
        Assert.Equal([0, 1, 2, 3, 4], gate.Select(g => int.Parse(g.Match.Groups["i"].Value)).Order());
        Assert.All(gate, g => Assert.InRange(int.Parse(g.Match.Groups["inside"].Value), 1, 2));

        // The lock serialises the additions: each line adds its worker's number to the sum before it.
        var sums = lines.Select((l, index) => (Match: SumLine().Match(l), Index: index)).Where(p => p.Match.Success).ToList();
        Assert.Equal([0, 1, 2, 3, 4], sums.Select(s => int.Parse(s.Match.Groups["i"].Value)).Order());
        var num = 0;
        foreach (var (match, index) in sums)
        {
            var i = int.Parse(match.Groups["i"].Value);
            num += i;
            Assert.Equal(num, int.Parse(match.Groups["num"].Value));
            Assert.True(gate.Single(g => g.Match.Groups["i"].Value == match.Groups["i"].Value).Index < index, all);
        }

        Assert.Equal(10, num);
        var summary = SummaryLine().Match(lines[^1]);
        Assert.True(summary.Success, lines[^1]);
        Assert.InRange(int.Parse(summary.Groups["peak"].Value), 1, 2);
        Assert.Equal("10", summary.Groups["num"].Value);
    }

    [GeneratedRegex(@"^lock start \.\.\. (?<i>\d+) +\((?<inside>\d+) inside the gate\)$")]
    private static partial Regex GateLine();

    [GeneratedRegex(@"^num \+= (?<i>\d+) -> (?<num>\d+)$")]
    private static partial Regex SumLine();

    [GeneratedRegex(@"^at most (?<peak>\d+) inside the gate at once \(its width is 2\); final num = (?<num>\d+)$")]
    private static partial Regex SummaryLine();
}
