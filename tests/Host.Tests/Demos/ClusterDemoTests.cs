using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// <c>demo cluster</c>: three nodes in the process, six account locks spread over them, twelve transfers, then the node
/// hosting one held lock crashes; the facts of its output are checked, not the order of the concurrent transfers.
/// </summary>
public sealed class ClusterDemoTests
{
    [Fact]
    public async Task Cluster_TransfersKeepTheTotal_AndAfterTheCrashTheWaiterGetsAHigherToken()
    {
        var lines = await DemoHarness.RunAsync("cluster");

        Assert.Equal(3, lines.Count(l => Regex.IsMatch(l, @"^node [123]: akka\.tcp://bank@127\.0\.0\.1:\d+$")));
        Assert.Equal(6, lines.Count(l => Regex.IsMatch(l, @"^lock account-\w+ lives on node [123]$")));
        var transfers = lines.Select(l => Regex.Match(l, @"^t([123]) on node \1: (\w+) -> (\w+) \d+ \(tokens \2 (\d+), \3 (\d+)\)$")).Where(m => m.Success).ToList();
        Assert.Equal(12, transfers.Count);
        // Every account's grants carry distinct tokens: 12 transfers lock 24 times, 4 per account, tokens 1..4 each.
        var tokensPerAccount = transfers.SelectMany(m => new[] { (m.Groups[2].Value, long.Parse(m.Groups[4].Value)), (m.Groups[3].Value, long.Parse(m.Groups[5].Value)) })
            .GroupBy(t => t.Item1).ToDictionary(g => g.Key, g => g.Select(t => t.Item2).Order().ToList());
        Assert.All(tokensPerAccount.Values, tokens => Assert.Equal([1L, 2L, 3L, 4L], tokens));
        Assert.Matches(@"^balances: .*, total 600$", lines.Single(l => l.StartsWith("balances:")));

        var held = Regex.Match(lines.Single(l => l.StartsWith("t-hold on node 2 holds")), @"account-([\w-]+) \(lives on node 3\) with token (\d+)$");
        Assert.True(held.Success);
        Assert.Contains($"t-wait on node 1 waits for account-{held.Groups[1].Value}", lines);
        Assert.Contains("node 3 killed (terminated without leaving the cluster)", lines);
        Assert.Contains(lines, l => l.StartsWith("node 3 downed by the split-brain resolver and removed after"));
        Assert.Matches($@"^account-{held.Groups[1].Value} recovered on node [12]: held by t-hold, token {held.Groups[2].Value}$",
            lines.Single(l => l.Contains(" recovered on node ")));
        var granted = Regex.Match(lines.Single(l => l.StartsWith("t-wait on node 1 granted")), @"with token (\d+) \(t-hold had (\d+)\)$");
        Assert.True(long.Parse(granted.Groups[1].Value) > long.Parse(granted.Groups[2].Value), granted.Value);
        Assert.Contains($"a late write by t-hold with its old token {held.Groups[2].Value}: refused", lines);
        Assert.Equal("total after the crash: 600", lines[^1]);
    }
}
