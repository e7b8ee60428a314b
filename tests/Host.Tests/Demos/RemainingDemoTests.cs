using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 17: replaying the lines, every "remaining" line names exactly the threads started and not yet completed;
/// the last says NONE, and the exit hook's "all DONE" comes after it.
/// </summary>
public sealed partial class RemainingDemoTests
{
    [Fact]
    public async Task Remaining_EachCompletionPrintsThoseStillRunning_EndsWithNone_ThenAllDone()
    {
        var lines = (await DemoHarness.RunAsync("remaining")).ToList();
        var all = string.Join('\n', lines);

        var plan = PlanLine().Match(lines[1]);
        Assert.True(plan.Success, all);
        var count = int.Parse(plan.Groups["n"].Value);
        Assert.InRange(count, 3, 6);

        var running = new SortedSet<string>(StringComparer.Ordinal);
        var started = new HashSet<string>();
        var completed = 0;
        for (var i = 2; i < lines.Count - 1; i++)
        {
            if (StartedLine().Match(lines[i]) is { Success: true } s)
            {
                Assert.True(started.Add(s.Groups["name"].Value), all);
                running.Add(s.Groups["name"].Value);
                continue;
            }

            var c = CompletedLine().Match(lines[i]);
            Assert.True(c.Success, $"line {i}:\n{all}");
            Assert.InRange(int.Parse(c.Groups["secs"].Value), 2, 4);
            Assert.True(running.Remove(c.Groups["name"].Value), all);
            completed++;
            i++;
            var expected = running.Count > 0 ? string.Join(", ", running) : "NONE";
            Assert.Equal($"    (remaining: {expected})", lines[i]);
        }

        Assert.Equal(count, started.Count);
        Assert.Equal(count, completed);
        Assert.Equal("    (remaining: NONE)", lines[^2]);
        Assert.StartsWith("all DONE at: ", lines[^1]);
    }

    [GeneratedRegex(@"^(?<n>\d+) threads, sleeping [2-4](, [2-4])* s$")]
    private static partial Regex PlanLine();

    [GeneratedRegex(@"^\[[\d:.]+\] Started (?<name>Thread-\d+)$")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"^\[[\d:.]+\] Completed (?<name>Thread-\d+) \((?<secs>\d) secs\)$")]
    private static partial Regex CompletedLine();
}
