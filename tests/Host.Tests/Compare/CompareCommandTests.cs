using System.Text.Json;
using Actors.Host.Compare;

namespace Actors.Host.Tests.Compare;

/// <summary>
/// Runs the host's comparison as <c>compare --quick</c> does, shrunk to tiny sizes, and checks correctness and the
/// report files only: figures of speed are never asserted.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _reports = Path.Combine(Path.GetTempPath(), $"actors-compare-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_reports)) Directory.Delete(_reports, recursive: true);
    }

    [Fact]
    public async Task Compare_TinySizes_EveryScenarioCorrectInEveryWay_AndReportsWritten()
    {
        var output = new StringWriter();
        var options = new CompareOptions { Sizes = CompareSizes.Tiny, ReportDirectory = _reports };

        var (report, files) = await CompareRunner.RunAsync(options, output).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(CompareRunner.Scenarios.Select(s => s.Name), report.Scenarios.Select(s => s.Name));
        foreach (var scenario in report.Scenarios)
        {
            foreach (var way in new[] { "shared-memory", "coordinator", "actor-native" })
            {
                var result = scenario.Find(way);
                Assert.True(result is not null, $"{scenario.Name} has no {way} row");
                Assert.True(result.Correct, $"{scenario.Name} / {way}: {result.Check}");
                Assert.True(result.OpsPerSecondMedian > 0, $"{scenario.Name} / {way} measured nothing");
            }
            // Python is optional on a machine, but when it ran, its results must check out too.
            if (scenario.Find(PythonRunner.Column) is { } python) Assert.True(python.Correct, $"{scenario.Name} / python: {python.Check}");
        }
        Assert.True(report.AllCorrect);
        Assert.True(report.PythonVersion is not null || report.PythonNote is not null, "the report says neither the Python version nor why it is missing");

        Assert.All([files.Markdown, files.Json, files.Svg], f => Assert.StartsWith(_reports, Path.GetFullPath(f)));
        var markdown = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("| counter (increment) | coordinator |", markdown);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files.Json));
        Assert.Equal(report.Scenarios.Count, json.RootElement.GetProperty("Scenarios").GetArrayLength());
        var svg = await File.ReadAllTextAsync(files.Svg);
        Assert.StartsWith("<svg", svg);
        Assert.Contains("executor-cpu", svg);
        Assert.Contains("every result checked out.", output.ToString());
    }

    [Fact]
    public async Task Compare_OnlyOneScenario_WithoutPython_SaysTheColumnWasSkipped()
    {
        var options = new CompareOptions { Sizes = CompareSizes.Tiny, ReportDirectory = _reports, RunPython = false, Only = ["counter"] };

        var (report, _) = await CompareRunner.RunAsync(options, new StringWriter()).WaitAsync(TimeSpan.FromMinutes(1));

        var counter = Assert.Single(report.Scenarios);
        Assert.Equal(3, counter.Ways.Count);
        Assert.True(report.AllCorrect);
        Assert.Contains("skip", report.PythonNote);
    }

    [Fact]
    public void Quick_IsSmallerThanDefault_AndTinyIsSmallest()
    {
        Assert.True(CompareSizes.Tiny.QueueItems < CompareSizes.Quick.QueueItems);
        Assert.True(CompareSizes.Quick.QueueItems < CompareSizes.Default.QueueItems);
        Assert.True(CompareSizes.Default.QueueItems < CompareSizes.Full.QueueItems);
        Assert.Equal("quick", CompareSizes.ByName("quick")!.Profile);
        Assert.Null(CompareSizes.ByName("huge"));
    }
}
