namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 3: task t1, then end, and the abandoned daemon prints no countdown line after end.</summary>
public sealed class DaemonDemoTests
{
    [Fact]
    public async Task Daemon_TaskThenEnd_NoCountdownAfterEnd()
    {
        var lines = (await DemoHarness.RunAsync("daemon")).ToList();
        var all = string.Join('\n', lines);

        Assert.Equal(1, lines.Count(l => l == "end"));
        var end = lines.IndexOf("end");
        Assert.True(lines.IndexOf("task t1") is var task && task > 0 && task < end, all);
        Assert.Equal(lines.Count - 1, end);
        Assert.All(lines.Skip(1), l => Assert.Contains(l, new[] { "task t1", "3s", "2s", "1s", "end" }));
    }
}
