namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 21: the jobs finish in the order 2, 3, 4; map yields their results in input order 3, 2, 4.</summary>
public sealed class ExecutorMapDemoTests
{
    [Fact]
    public async Task ExecutorMap_FinishesIn234_YieldsIn324()
    {
        var lines = await DemoHarness.RunAsync("executor-map");
        Assert.Equal(["test 2s finished", "test 3s finished", "test 4s finished"], lines.Where(l => l.EndsWith(" finished")));
        Assert.Equal(["test 3s success", "test 2s success", "test 4s success"], lines.Where(l => l.EndsWith(" success")));
        Assert.Equal(7, lines.Count);
    }

    [Fact]
    public async Task ExecutorMap_YieldsEachResult_OnlyAfterItsJobFinished()
    {
        var lines = (await DemoHarness.RunAsync("executor-map")).ToList();
        foreach (var n in new[] { 2, 3, 4 })
            Assert.True(lines.IndexOf($"test {n}s finished") < lines.IndexOf($"test {n}s success"), string.Join('\n', lines));
    }
}
