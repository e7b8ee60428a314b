namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 16: in each of the three rounds, both loops start, loop 1 finishes before loop 0, then all done.</summary>
public sealed class LoopsDemoTests
{
    [Fact]
    public async Task Loops_EachRound_StartTogether_Loop1BeforeLoop0_ThenAllDone()
    {
        var lines = (await DemoHarness.RunAsync("loops")).ToList();
        var all = string.Join('\n', lines);

        var rounds = lines.Select((l, i) => (l, i)).Where(p => p.l.StartsWith("--- ")).Select(p => p.i).ToList();
        Assert.Equal(3, rounds.Count);
        Assert.True(lines.Count == 1 + 3 * 7, all);
        foreach (var r in rounds)
        {
            var round = lines.Skip(r + 1).Take(5).Select(l => l.Split(" at: ")[0]).ToList();
            Assert.Equal("starting", round[0]);
            Assert.Equal(["start loop 0", "start loop 1"], round.Skip(1).Take(2).Order());
            Assert.Equal(["loop 1 done", "loop 0 done"], round.Skip(3));
            Assert.StartsWith("all done at: ", lines[r + 6]);
        }

        Assert.StartsWith("--- 1. Thread(target=loop", lines[rounds[0]]);
        Assert.StartsWith("--- 2. Thread(target=ThreadFunc(", lines[rounds[1]]);
        Assert.StartsWith("--- 3. MyThread(", lines[rounds[2]]);
        Assert.True(rounds[0] == 1, all);
    }
}
