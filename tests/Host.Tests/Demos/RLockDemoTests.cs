using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 7: ten holds of one RLock, each by its own owner and nested once, print 1..10 in order.</summary>
public sealed partial class RLockDemoTests
{
    [Fact]
    public async Task RLock_TenOwners_PrintOneToTenInOrderOnePerHold()
    {
        var lines = await DemoHarness.RunAsync("rlock");

        var holds = lines.Select(l => HoldLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(Enumerable.Range(1, 10), holds.Select(m => int.Parse(m.Groups["value"].Value)));
        Assert.Equal(Enumerable.Range(0, 10), holds.Select(m => int.Parse(m.Groups["worker"].Value)).Order());
        Assert.All(holds, m => Assert.Equal("2", m.Groups["depth"].Value));
        Assert.Equal("done: gl_num = 10; the lock is free again", lines[^1]);
    }

    [GeneratedRegex(@"^gl_num = (?<value>\d+) +\(t-(?<worker>\d+) holds the lock; its nested acquire reached depth (?<depth>\d+)\)$")]
    private static partial Regex HoldLine();
}
