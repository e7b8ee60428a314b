using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 19: the writer and the reader both finish, every item produced is consumed, and sizes are printed.</summary>
public sealed partial class ProducerConsumerDemoTests
{
    [Fact]
    public async Task ProducerConsumer_EveryItemProduced_IsConsumed_AndBothFinish()
    {
        var lines = (await DemoHarness.RunAsync("producer-consumer")).ToList();

        var summary = Summary().Match(lines[^1]);
        Assert.True(summary.Success, string.Join('\n', lines));
        var loops = int.Parse(summary.Groups[1].Value);
        Assert.InRange(loops, 2, 5);
        Assert.Equal(loops, int.Parse(summary.Groups[2].Value));
        Assert.Equal(loops, int.Parse(summary.Groups[3].Value));
        Assert.Equal("0", summary.Groups[4].Value);

        Assert.Equal(loops, lines.Count(l => l == "producing object for Q..."));
        Assert.Equal(loops, lines.Count(l => l.StartsWith("consumed object from Q... size now ")));
        Assert.All(lines.Where(l => l.Contains("size now ")), l => Assert.InRange(int.Parse(l[(l.LastIndexOf(' ') + 1)..]), 0, 32));
        Assert.Equal(loops, lines.Count(l => l.StartsWith("size now ")));

        foreach (var name in new[] { "writer", "reader" })
        {
            var started = lines.FindIndex(l => l.StartsWith($"starting {name} at: "));
            var finished = lines.FindIndex(l => l.StartsWith($"{name} finished at: "));
            Assert.True(started >= 0 && finished > started, string.Join('\n', lines));
        }

        Assert.Equal("All done", lines[^2]);
    }

    [GeneratedRegex(@"^loops: (\d+), produced: (\d+), consumed: (\d+), left in the queue: (\d+)$")]
    private static partial Regex Summary();
}
