using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 14: notify(n) releases exactly n waiters, oldest first; wait_for returns once its predicate holds.</summary>
public sealed partial class ConditionDemoTests
{
    [Fact]
    public async Task Condition_NotifyN_ReleasesExactlyNWaitersPerNotifyInWaitingOrder()
    {
        var lines = (await DemoHarness.RunAsync("condition")).ToList();
        var all = string.Join('\n', lines);

        var allWait = lines.IndexOf("all 6 wait");
        Assert.True(allWait > 0, all);
        var waited = lines.Take(allWait).Select(l => WaitsLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["w"].Value).ToList();
        Assert.Equal(6, waited.Distinct().Count());

        var notifies = lines.Select((l, i) => (Match: NotifyLine().Match(l), Index: i)).Where(p => p.Match.Success).ToList();
        Assert.Equal(["notify(1) woke 1", "notify(2) woke 2", "notify(3) woke 3"], notifies.Select(n => lines[n.Index]));
        var lost = lines.IndexOf("notify(1) with nobody waiting woke 0: the notify is lost, as in Python");
        Assert.True(lost > notifies[^1].Index, all);

        // Between one notify(n) and the next, exactly n waiters are released, in the order they began to wait.
        var released = new List<string>();
        for (var k = 0; k < notifies.Count; k++)
        {
            var end = k + 1 < notifies.Count ? notifies[k + 1].Index : lost;
            var batch = lines.Skip(notifies[k].Index + 1).Take(end - notifies[k].Index - 1)
                .Select(l => ReleasedLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["w"].Value).ToList();
            Assert.Equal(int.Parse(notifies[k].Match.Groups["n"].Value), batch.Count);
            released.AddRange(batch);
        }

        Assert.Equal(waited, released);
        Assert.Equal(6, lines.Count(l => ReleasedLine().IsMatch(l)));
    }

    [Fact]
    public async Task Condition_WaitFor_ReturnsOnceThePredicateHoldsAndNotBefore()
    {
        var lines = (await DemoHarness.RunAsync("condition")).ToList();
        var all = string.Join('\n', lines);

        var produced = lines.Select((l, i) => (Match: ProducerLine().Match(l), Index: i)).Where(p => p.Match.Success).ToList();
        Assert.Equal([1, 2, 3, 4, 5], produced.Select(p => int.Parse(p.Match.Groups["counter"].Value)));

        foreach (var (name, threshold) in new[] { ("A", 2), ("B", 4) })
        {
            var checks = lines.Select(l => CheckLine().Match(l)).Where(m => m.Success && m.Groups["w"].Value == name).ToList();
            Assert.NotEmpty(checks);
            Assert.All(checks, m => Assert.Equal(m.Groups["threshold"].Value, threshold.ToString()));
            Assert.All(checks, m => Assert.Equal(int.Parse(m.Groups["counter"].Value) >= threshold ? "True" : "False", m.Groups["holds"].Value));
            Assert.All(checks.SkipLast(1), m => Assert.Equal("False", m.Groups["holds"].Value));
            Assert.Equal("True", checks[^1].Groups["holds"].Value);

            var returned = Assert.Single(lines.Select((l, i) => (Match: ReturnedLine().Match(l), Index: i)), p => p.Match.Success && p.Match.Groups["w"].Value == name);
            var counter = int.Parse(returned.Match.Groups["counter"].Value);
            Assert.True(counter >= threshold, all);
            Assert.Equal(checks[^1].Groups["counter"].Value, counter.ToString());
            Assert.True(produced[counter - 1].Index < returned.Index, all);
        }
    }

    [GeneratedRegex(@"^  w(?<w>\d+) waits$")]
    private static partial Regex WaitsLine();

    [GeneratedRegex(@"^  w(?<w>\d+) released$")]
    private static partial Regex ReleasedLine();

    [GeneratedRegex(@"^notify\((?<n>\d+)\) woke (?<woken>\d+)$")]
    private static partial Regex NotifyLine();

    [GeneratedRegex(@"^producer: counter = (?<counter>\d+), notify_all$")]
    private static partial Regex ProducerLine();

    [GeneratedRegex(@"^  (?<w>[A-Z]) checks counter >= (?<threshold>\d+) at counter = (?<counter>\d+): (?<holds>True|False)$")]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"^  (?<w>[A-Z]): wait_for returned at counter = (?<counter>\d+)$")]
    private static partial Regex ReturnedLine();
}
