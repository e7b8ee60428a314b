using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Actors.Host.Compare;

namespace Actors.Host.Tests.Compare;

/// <summary>
/// The comparison's chart (ScottPlot): a bar per scenario and way whose length is its ratio to shared memory, with the
/// spread of the runs as error bars, drawn from a report whose figures the test chooses.
/// </summary>
public sealed class ThroughputChartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actors-chart-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WayResult Way(string way, double median, double min, double max, bool correct = true) =>
        new(way, median, min, max, null, null, correct, "checked", 5);

    private static CompareReport Report() => new(
        DateTimeOffset.Now, TimeSpan.FromSeconds(1), "test", CompareSizes.Tiny, "a test machine", "3.11", null,
        [
            new ScenarioResult("counter", "one lock", "increment", "", [
                Way("shared-memory", 10_000_000, 8_000_000, 12_500_000), Way("coordinator", 200_000, 100_000, 400_000),
                Way("actor-native", 600_000, 500_000, 700_000), Way(PythonRunner.Column, 2_000_000, 1_000_000, 3_000_000)]),
            new ScenarioResult("semaphore", "limited I/O", "I/O call", "", [
                Way("shared-memory", 6_000, 5_000, 7_000), Way("coordinator", 7_200, 3_600, 7_500),
                Way("actor-native", 3_000, 2_000, 6_000, correct: false), Way(PythonRunner.Column, 6_000, 5_400, 6_600)]),
        ]);

    [Fact]
    public void Bars_AreRatiosToTheSharedMemoryMedian_WithEachWaysSlowestAndFastestRun()
    {
        var bars = ThroughputChart.Bars(Report());

        Assert.Equal(8, bars.Count);
        var coordinator = Assert.Single(bars, b => b.Scenario == "counter" && b.Way == "coordinator");
        Assert.Equal(0.02, coordinator.Ratio!.Value, 6);
        Assert.Equal(0.01, coordinator.Low!.Value, 6);
        Assert.Equal(0.04, coordinator.High!.Value, 6);
        Assert.Contains("0.020×", coordinator.Label);
        Assert.Contains("increment/s", coordinator.Label);
        var baseline = Assert.Single(bars, b => b.Scenario == "counter" && b.Way == "shared-memory");
        Assert.Equal((1.0, 0.8, 1.25), (baseline.Ratio!.Value, baseline.Low!.Value, baseline.High!.Value));
        var wrong = Assert.Single(bars, b => !b.Correct);
        Assert.Contains("WRONG", wrong.Label);
    }

    [Fact]
    public void Save_WritesAPngAndAnSvg_WithEveryScenarioWayAndErrorBar()
    {
        var png = Path.Combine(_directory, "chart.png");
        var svg = Path.Combine(_directory, "chart.svg");

        ThroughputChart.Save(Report(), png, svg);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(ThroughputChart.Width, width);
        Assert.InRange(height, 300, 3_000);
        Assert.True(bytes.Length > 20_000, $"a PNG of {bytes.Length} bytes has hardly anything drawn in it");

        var text = File.ReadAllText(svg);
        Assert.StartsWith("<?xml", text);
        foreach (var label in new[] { "counter", "semaphore", "(increment/s)", "shared-memory", "coordinator", "actor-native", "python", "shared memory = 1×", "0.001×", "1000×" })
            Assert.Contains(label, text);
        Assert.Contains("0.020×, 200.0 k increment/s", text);
        Assert.Contains("WRONG", text);
        // Every bar's error bar: a horizontal stroke from its slowest to its fastest run and two caps, three segments each,
        // in the error bars' own colour (one path per way).
        var errorPaths = Regex.Matches(text, $"stroke=\"{ThroughputChart.ErrorBarColour}\"[^>]* d=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        var segments = errorPaths.Sum(path => path.Groups[1].Value.Count(c => c == 'M'));
        Assert.Equal(3 * 8, segments);
    }
}
