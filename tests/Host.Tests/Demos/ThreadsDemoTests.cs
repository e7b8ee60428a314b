namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 1: both task lines come first, then the two countdowns interleave step by step.</summary>
public sealed class ThreadsDemoTests
{
    [Fact]
    public async Task Threads_BothTaskLinesFirst_ThenCountdownsInterleaved()
    {
        var lines = await DemoHarness.RunAsync("threads");
        AssertInterleavedCountdowns(lines);
    }

    /// <summary>The output of scenarios 1 and 2: a header, both task lines, each step by both threads, the elapsed line.</summary>
    internal static void AssertInterleavedCountdowns(IReadOnlyList<string> lines)
    {
        var all = string.Join('\n', lines);
        Assert.True(lines.Count == 10, all);
        Assert.Equal(["task t1", "task t2"], lines.Skip(1).Take(2).Order());
        foreach (var (step, k) in new[] { ("2s", 3), ("1s", 5), ("0s", 7) })
            Assert.Equal([$"{step}  (t1)", $"{step}  (t2)"], lines.Skip(k).Take(2).Order());
        Assert.StartsWith("both countdowns done after ", lines[^1]);
    }
}
