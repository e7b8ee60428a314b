using System.Globalization;
using System.Text.RegularExpressions;
using Actors.Host.Demos;

namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 15: the speed-ups are printed next to the worker and core counts, and are sane. Timing ratios that hold
/// only on a quiet machine (CPU-bound close to the core count) are not asserted; sleeping jobs overlap on any machine.
/// </summary>
public sealed partial class GilDemoTests
{
    [Fact]
    public async Task Gil_PrintsSpeedUpsPerWorkerCount_IoBoundOverlaps()
    {
        // The default scale: jobs of 25 ms, so that the sleeps dominate the messaging even on a loaded machine.
        var lines = await DemoHarness.RunAsync("gil", new DemoSettings());

        Assert.Contains(lines, l => l.StartsWith($"cores: {Environment.ProcessorCount};"));
        Assert.Contains("workers  CPU-bound speed-up  I/O-bound speed-up", lines);
        var rows = lines.Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => (Workers: int.Parse(m.Groups[1].Value), Cpu: Parse(m.Groups[2].Value), Io: Parse(m.Groups[3].Value)))
            .ToList();

        Assert.True(rows.Count >= 3, string.Join('\n', lines));
        Assert.Equal((1, 1.0, 1.0), rows[0]);
        Assert.Contains(rows, r => r.Workers == Environment.ProcessorCount);
        Assert.All(rows, r => Assert.True(r.Cpu > 0 && double.IsFinite(r.Cpu) && r.Io > 0 && double.IsFinite(r.Io), r.ToString()));
        var most = rows[^1];
        Assert.True(most.Workers >= 4, most.ToString());
        Assert.True(most.Io > 1.5, $"{most.Workers} sleeping workers should overlap: {most}");
        Assert.Contains(lines, l => l.StartsWith("CPU-bound: best ") && l.Contains($"with {Environment.ProcessorCount} cores"));
    }

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(\d+)\s+(\d+\.\d\d)x\s+(\d+\.\d\d)x$")]
    private static partial Regex Row();
}
