using System.Diagnostics;
using Actors.Host.Compare.Scenarios;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Host.Compare;

/// <summary>What a <c>compare</c> run does: sizes, where the report goes, whether to run Python, which scenarios.</summary>
internal sealed record CompareOptions
{
    public required CompareSizes Sizes { get; init; }
    public string ReportDirectory { get; init; } = "reports";
    public bool RunPython { get; init; } = true;
    /// <summary>Names of the scenarios to run; null runs all.</summary>
    public IReadOnlyCollection<string>? Only { get; init; }

    /// <summary>Whether to run <c>compare --distributed</c> (cluster primitives, Redis, PostgreSQL) instead of the in-process comparison.</summary>
    public bool Distributed { get; init; }

    /// <summary>The Redis server (<c>host:port</c>) of the distributed comparison; null for the host's own.</summary>
    public string? RedisEndpoint { get; init; }

    /// <summary>The PostgreSQL server (an Npgsql connection string) of the distributed comparison; null for the host's own.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The Akka.Remote batching settings the distributed comparison's actor cluster runs with.</summary>
    public Actors.Host.Distributed.BatchingChoice Batching { get; init; } = Actors.Host.Distributed.BatchingChoice.Both;
}

/// <summary>The files a run wrote.</summary>
internal sealed record ReportFiles(string Markdown, string Json, string Png, string Svg);

/// <summary>
/// Runs every scenario in every way inside one Microsoft.Extensions.Hosting host (Akka.Hosting), then Python as a child
/// process, and writes the report. All ways are measured in the same process run, one after the other.
/// </summary>
internal static class CompareRunner
{
    public static IReadOnlyList<IScenario> Scenarios { get; } =
    [
        new CounterScenario(), new BankScenario(), new QueueScenario(), new SemaphoreScenario(), new BarrierScenario(),
        new ExecutorScenario(ExecutorLoad.SmallJobs), new ExecutorScenario(ExecutorLoad.CpuBound),
        new ExecutorScenario(ExecutorLoad.Uneven),
    ];

    public static async Task<(CompareReport Report, ReportFiles Files)> RunAsync(CompareOptions options, TextWriter output, CancellationToken cancellation = default)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var sizes = options.Sizes;
        var scenarios = Scenarios.Where(s => options.Only is null || options.Only.Contains(s.Name)).ToList();
        var total = scenarios.Sum(s => s.Ways.Count);
        output.WriteLine($"compare ({sizes.Profile}): {scenarios.Count} scenarios, {sizes.Runs} measured runs each after {sizes.WarmupRuns} warm-up, on {CompareReport.DescribeMachine()}");

        var measured = new List<(IScenario Scenario, List<WayResult> Ways)>();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("compare", akka => akka.AddHocon("akka.loglevel = WARNING\nakka.log-dead-letters = off", HoconAddMode.Prepend));
        using (var host = builder.Build())
        {
            await host.StartAsync(cancellation);
            try
            {
                var context = new ScenarioContext(host.Services.GetRequiredService<ActorSystem>(), sizes, cancellation);
                var step = 0;
                foreach (var scenario in scenarios)
                {
                    var ways = new List<WayResult>();
                    foreach (var way in scenario.Ways)
                    {
                        step++;
                        var runs = await MeasureAsync(scenario, way, context);
                        var result = WayResult.From(way, runs, scenario.LatencyMeaning is not null);
                        ways.Add(result);
                        output.WriteLine(ProgressLine(step, total, scenario.Name, scenario.Unit, result));
                    }
                    measured.Add((scenario, ways));
                }
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }

        string? pythonVersion = null;
        string? pythonNote = "the Python column was skipped: not asked for (--no-python).";
        if (options.RunPython)
        {
            output.WriteLine("python: running the same scenarios in CPython (threading, queue, concurrent.futures)...");
            var python = await PythonRunner.RunAsync(sizes, scenarios.Select(s => s.Name), line => output.WriteLine($"        {line}"), cancellation);
            (pythonVersion, pythonNote) = (python.Version, python.Note);
            if (python.Note is not null) output.WriteLine($"python: {python.Note}");
            foreach (var (scenario, ways) in measured)
                if (python.Results.TryGetValue(scenario.Name, out var figures)) ways.Add(figures);
                else if (python.Note is null) ways.Add(new WayResult(PythonRunner.Column, 0, 0, 0, null, null, false, "the Python script gave no figures", 0));
        }

        var report = new CompareReport(startedAt, clock.Elapsed, sizes.Profile, sizes, CompareReport.DescribeMachine(), pythonVersion, pythonNote,
            measured.Select(m => new ScenarioResult(m.Scenario.Name, m.Scenario.Title, m.Scenario.Unit, m.Scenario.LatencyMeaning ?? "", m.Ways)).ToList());
        var files = await FinishAsync(report, ReportLayout.InProcess, options.ReportDirectory, output, null, cancellation);
        return (report, files);
    }

    /// <summary>Warm-up runs, then measured runs; an exception is a wrong result, not a crash of the whole comparison.</summary>
    private static Task<List<RunOutcome>> MeasureAsync(IScenario scenario, Way way, ScenarioContext context) =>
        MeasureAsync(() => scenario.RunAsync(way, context), context.Sizes, context.Cancellation);

    /// <summary>
    /// Runs <paramref name="run"/> <see cref="CompareSizes.WarmupRuns"/> times untimed, then <see cref="CompareSizes.Runs"/>
    /// times measured; a run that throws or times out (5 minutes) is a wrong result, not a crash of the whole comparison,
    /// and a wrong warm-up run is kept so that it is reported.
    /// </summary>
    public static async Task<List<RunOutcome>> MeasureAsync(Func<Task<RunOutcome>> run, CompareSizes sizes, CancellationToken cancellation)
    {
        var runs = new List<RunOutcome>();
        for (var i = 0; i < sizes.WarmupRuns + sizes.Runs; i++)
        {
            RunOutcome outcome;
            try
            {
                outcome = await run().WaitAsync(TimeSpan.FromMinutes(5), cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                outcome = RunOutcome.Failed($"{e.GetType().Name}: {e.Message}");
            }
            if (i >= sizes.WarmupRuns || !outcome.Correct) runs.Add(outcome);
        }
        return runs;
    }

    /// <summary>The progress line of one measured way.</summary>
    public static string ProgressLine(int step, int total, string scenario, string unit, WayResult result) =>
        $"[{step,2}/{total}] {scenario,-15} {result.Way,-16} {Format.Rate(result.OpsPerSecondMedian),12} {unit}/s  " +
        $"{(result.Correct ? "ok" : "WRONG")}: {result.Check}";

    /// <summary>Writes the report files and the table, and says where they are and whether every result checked out.</summary>
    public static async Task<ReportFiles> FinishAsync(CompareReport report, ReportLayout layout, string directory, TextWriter output,
        string? extraMarkdown, CancellationToken cancellation)
    {
        var files = await ReportWriter.WriteAsync(report, directory, layout, extraMarkdown, cancellation);
        ResultTable.Write(report, layout, output);
        output.WriteLine($"report: {files.Markdown}, {files.Json}, {files.Png}, {files.Svg}");
        output.WriteLine(report.AllCorrect ? "every result checked out." : "SOME RESULTS WERE WRONG: see the rows marked WRONG.");
        return files;
    }
}

/// <summary>Number formats shared by the table and the reports.</summary>
internal static class Format
{
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1_000_000 => $"{perSecond / 1_000_000:0.00} M",
        >= 1_000 => $"{perSecond / 1_000:0.0} k",
        _ => $"{perSecond:0.0}",
    };

    public static string Micros(double? micros) => micros switch
    {
        null => "-",
        >= 10_000 => $"{micros / 1000:0} ms",
        >= 1_000 => $"{micros / 1000:0.0} ms",
        >= 10 => $"{micros:0} µs",
        _ => $"{micros:0.0} µs",
    };

    public static string Ratio(double? ratio) => ratio switch
    {
        null => "-",
        >= 10 => $"{ratio:0}×",
        >= 0.1 => $"{ratio:0.00}×",
        _ => $"{ratio:0.000}×",
    };
}
