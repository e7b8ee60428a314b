using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 10: under <c>with lock:</c> the running sums are 0, 1, 3, 6, 10, each between its worker's start and end lines.</summary>
public sealed partial class WithLockDemoTests
{
    [Fact]
    public async Task WithLock_FiveWorkers_SumInOrderOfAcquisitionZeroOneThreeSixTen()
    {
        var lines = (await DemoHarness.RunAsync("with-lock")).ToList();
        var all = string.Join('\n', lines);

        var sums = lines.Select((l, index) => (Match: SumLine().Match(l), Index: index)).Where(p => p.Match.Success).ToList();
        Assert.Equal([0, 1, 2, 3, 4], sums.Select(s => int.Parse(s.Match.Groups["i"].Value)));
        Assert.Equal([0, 1, 3, 6, 10], sums.Select(s => int.Parse(s.Match.Groups["num"].Value)));

        foreach (var (match, index) in sums)
        {
            var i = match.Groups["i"].Value;
            Assert.Single(lines, l => l == $"lock start ... {i}");
            Assert.Single(lines, l => l == $"lock end ... {i}");
            var start = lines.IndexOf($"lock start ... {i}");
            var end = lines.IndexOf($"lock end ... {i}");
            Assert.True(start < index && index < end, all);
        }

        Assert.Equal("final num = 10", lines[^1]);
    }

    [GeneratedRegex(@"^num \+= (?<i>\d+) -> (?<num>\d+)$")]
    private static partial Regex SumLine();
}
