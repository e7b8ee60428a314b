namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 25: every party gets an arrival index and none leaves before the last has arrived; a time-out and an
/// abort() each break the barrier for every party; after reset() a round passes again.
/// </summary>
public sealed class BarrierDemoTests
{
    private const string Broken = ": BrokenBarrierException ";

    [Fact]
    public async Task Barrier_AllArrive_LeaveTogether_WithEachArrivalIndex()
    {
        var section = Section(await DemoHarness.RunAsync("barrier"), 0);

        var arrivals = Indices(section, l => l.Contains(" arrives "));
        var action = section.FindIndex(l => l.StartsWith("  action: all 3 parties are here"));
        var leaves = Indices(section, l => l.Contains(" leaves with arrival index "));
        Assert.Equal(3, arrivals.Count);
        Assert.Equal(3, leaves.Count);
        Assert.True(arrivals.Max() < action && action < leaves.Min(), string.Join('\n', section));
        Assert.Equal([0, 1, 2], ArrivalIndices(section));
        Assert.Equal(["party 0", "party 1", "party 2"], section.Where(l => l.Contains(" leaves ")).Select(Party).Order());
    }

    [Fact]
    public async Task Barrier_TimeOut_BreaksItForBothParties_AndForALateOne()
    {
        var section = Section(await DemoHarness.RunAsync("barrier"), 1);

        Assert.Equal(["party 0", "party 1", "party 2"], section.Where(l => l.Contains(Broken)).Select(Party).Order());
        Assert.DoesNotContain(section, l => l.Contains(" leaves "));
        Assert.Contains("  broken: True", section);
        Assert.True(section.IndexOf("  broken: True") < section.FindIndex(l => l.StartsWith("  party 2" + Broken)), string.Join('\n', section));
    }

    [Fact]
    public async Task Barrier_Abort_BreaksItForBothWaiters_ResetRestoresIt()
    {
        var section = Section(await DemoHarness.RunAsync("barrier"), 2);

        var abort = section.FindIndex(l => l.StartsWith("  main: abort()"));
        var reset = section.FindIndex(l => l.StartsWith("  main: reset(); broken: False"));
        var broken = Indices(section, l => l.Contains(Broken));
        Assert.Equal(2, broken.Count);
        Assert.True(abort < broken.Min() && broken.Max() < reset, string.Join('\n', section));
        Assert.Equal([0, 1, 2], ArrivalIndices(section[reset..]));
    }

    /// <summary>The lines of the demo's n-th part (each starts with a "Barrier(3): ..." header).</summary>
    private static List<string> Section(IReadOnlyList<string> lines, int n)
    {
        var headers = Indices(lines, l => l.StartsWith("Barrier(3): "));
        Assert.Equal(3, headers.Count);
        var end = n + 1 < headers.Count ? headers[n + 1] : lines.Count;
        return lines.Skip(headers[n]).Take(end - headers[n]).ToList();
    }

    private static List<int> Indices(IReadOnlyList<string> lines, Func<string, bool> match) =>
        Enumerable.Range(0, lines.Count).Where(i => match(lines[i])).ToList();

    private static IEnumerable<int> ArrivalIndices(IEnumerable<string> lines) =>
        lines.Where(l => l.Contains(" leaves with arrival index "))
            .Select(l => int.Parse(l.Split(" leaves with arrival index ")[1].Split(' ')[0]))
            .Order();

    private static string Party(string line) => string.Join(' ', line.Trim().Split(' ').Take(2)).TrimEnd(':');
}
