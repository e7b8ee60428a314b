using System.Text.RegularExpressions;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 18: replaying the candy machine's lines, the tray never leaves 0..5, a refill is refused exactly when the
/// tray is full and a purchase exactly when it is empty, and both refusals appear.
/// </summary>
public sealed partial class CandyDemoTests
{
    [Fact]
    public async Task Candy_Replay_TrayStaysWithinZeroAndFiveAndRefusesExactlyWhenFullOrEmpty()
    {
        var lines = (await DemoHarness.RunAsync("candy")).ToList();
        var all = string.Join('\n', lines);

        var plan = PlanLine().Match(Assert.Single(lines, l => PlanLine().IsMatch(l)));
        var nloops = int.Parse(plan.Groups["refills"].Value);
        Assert.InRange(nloops, 2, 5);
        Assert.Equal(nloops + 5 + 1, int.Parse(plan.Groups["buys"].Value));

        var tray = 5;
        int refills = 0, buys = 0, full = 0, empty = 0;
        var actions = lines.Select((l, i) => (Line: l, Index: i)).Where(p => p.Line is "Refilling candy..." or "Buying candy...").ToList();
        Assert.Equal("Refilling candy...", actions[0].Line);
        foreach (var (action, index) in actions)
        {
            var outcome = OutcomeLine().Match(lines[index + 1]);
            Assert.True(outcome.Success, $"line {index + 1} after {action}:\n{all}");
            var result = outcome.Groups["result"].Value;
            if (action == "Refilling candy...")
            {
                refills++;
                if (result == "full, skipping") { Assert.Equal(5, tray); full++; }
                else { Assert.Equal("OK", result); tray++; }
            }
            else
            {
                buys++;
                if (result == "Empty, skipping") { Assert.Equal(0, tray); empty++; }
                else { Assert.Equal("OK", result); tray--; }
            }

            Assert.InRange(tray, 0, 5);
            Assert.Equal(tray, int.Parse(outcome.Groups["tray"].Value));
        }

        Assert.Equal(nloops, refills);
        Assert.Equal(nloops + 6, buys);
        Assert.True(full >= 1, all);
        Assert.True(empty >= 1, all);
        Assert.StartsWith("All done at: ", lines[^1]);
    }

    [GeneratedRegex(@"^the vendor refills (?<refills>\d+) times, the customer buys (?<buys>\d+) times$")]
    private static partial Regex PlanLine();

    [GeneratedRegex(@"^(?<result>OK|full, skipping|Empty, skipping) +\(tray: (?<tray>\d+)\)$")]
    private static partial Regex OutcomeLine();
}
