using System.Text;
using System.Text.Json;

namespace Actors.Host.Compare;

/// <summary>Writes a run's report as Markdown, JSON and a chart (PNG and SVG), under one time-stamped name.</summary>
internal static class ReportWriter
{
    public static IReadOnlyList<string> Columns => ReportLayout.InProcess.Columns;

    public static Task<ReportFiles> WriteAsync(CompareReport report, string directory, CancellationToken cancellation) =>
        WriteAsync(report, directory, ReportLayout.InProcess, null, cancellation);

    /// <summary>Writes the files of <paramref name="report"/>; <paramref name="sections"/> is Markdown that ends the report.</summary>
    public static async Task<ReportFiles> WriteAsync(CompareReport report, string directory, ReportLayout layout, string? sections, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{layout.FilePrefix}-{report.Profile}-{report.StartedAt:yyyyMMdd-HHmmss}");
        var files = new ReportFiles(stem + ".md", stem + ".json", stem + ".png", stem + ".svg");
        await File.WriteAllTextAsync(files.Json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellation);
        ThroughputChart.Save(report, layout, files.Png, files.Svg);
        await File.WriteAllTextAsync(files.Markdown, Markdown(report, Path.GetFileName(files.Png), layout, sections ?? InProcessSections(report)), cancellation);
        return files;
    }

    public static string Markdown(CompareReport report, string chartFile) =>
        Markdown(report, chartFile, ReportLayout.InProcess, InProcessSections(report));

    public static string Markdown(CompareReport report, string chartFile, ReportLayout layout, string sections)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {layout.Title}{(report.PythonVersion is null ? "" : ", CPython")}");
        md.AppendLine();
        md.AppendLine($"- when: {report.StartedAt:yyyy-MM-dd HH:mm:ss zzz}, took {report.Duration.TotalSeconds:0} s, profile `{report.Profile}`, " +
                      $"median of {report.Sizes.Runs} runs after {report.Sizes.WarmupRuns} warm-up");
        md.AppendLine($"- machine: {report.Machine}");
        if (report.PythonVersion is not null || report.PythonNote is not null) md.AppendLine($"- python: {report.PythonVersion ?? report.PythonNote}");
        md.AppendLine($"- every result checked: **{(report.AllCorrect ? "all correct" : "SOME WRONG")}**");
        md.AppendLine();
        md.AppendLine($"![throughput relative to {layout.BaselineName}]({chartFile})");
        md.AppendLine();
        md.AppendLine($"The chart ({Path.ChangeExtension(chartFile, ".svg")} is the same as SVG): each bar is a way's median throughput divided by the");
        md.AppendLine($"{layout.BaselineName} median of the same scenario, on a fixed log axis from 0.001× to 1000× (widened only if a figure falls outside)");
        md.AppendLine($"that starts at 1× (the dashed line, {layout.BaselineName}): right is faster, left slower, and a bar's length is the factor. Its error");
        md.AppendLine("bar runs from the way's slowest to its fastest run, divided by the same median; the label gives the ratio and the throughput" +
                      (layout.ShowLongestWait ? " and the longest wait." : "."));
        md.AppendLine();
        md.AppendLine($"Throughput is operations per second (median of the runs); a ratio is a way's throughput divided by the {layout.BaselineName} one");
        md.AppendLine("of the same run (below 1 means slower). Latency p50/p99 are over every operation of every measured run" +
                      (layout.ShowLongestWait ? "; the longest wait is the longest of them (fairness: how long the unluckiest owner waited)." : "."));
        md.AppendLine();
        var wait = layout.ShowLongestWait ? " longest wait |" : "";
        md.AppendLine($"| scenario | way | ops/s (median) | min–max | vs {layout.BaselineName} | p50 | p99 |{wait} result |");
        md.AppendLine($"|---|---|---:|---:|---:|---:|---:|{(layout.ShowLongestWait ? "---:|" : "")}---|");
        foreach (var s in report.Scenarios)
            foreach (var w in s.Ways)
                md.AppendLine($"| {s.Name} ({s.Unit}) | {w.Way} | {Format.Rate(w.OpsPerSecondMedian)} | {Format.Rate(w.OpsPerSecondMin)}–{Format.Rate(w.OpsPerSecondMax)} | " +
                              $"{Format.Ratio(s.Ratio(w.Way, layout.Baseline))} | {Format.Micros(w.LatencyP50Micros)} | {Format.Micros(w.LatencyP99Micros)} | " +
                              (layout.ShowLongestWait ? $"{Format.Micros(w.LongestWaitMicros)} | " : "") +
                              $"{(w.Correct ? "ok" : "**WRONG**")}: {w.Check} |");
        md.AppendLine();
        md.AppendLine("## What each scenario measures");
        md.AppendLine();
        foreach (var s in report.Scenarios)
            md.AppendLine($"- **{s.Name}**: {s.Title}; latency: {(s.LatencyMeaning.Length > 0 ? s.LatencyMeaning : "not meaningful, not measured")}.");
        md.AppendLine();
        md.Append(sections);
        return md.ToString();
    }

    /// <summary>The end of the in-process report: the ratios between its ways, and what the ways are.</summary>
    private static string InProcessSections(CompareReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("## Ratios");
        md.AppendLine();
        md.AppendLine("| scenario | coordinator / shared | actor-native / shared | coordinator / actor-native | python / shared |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
            md.AppendLine($"| {s.Name} | {Format.Ratio(s.Ratio("coordinator", "shared-memory"))} | {Format.Ratio(s.Ratio("actor-native", "shared-memory"))} | " +
                          $"{Format.Ratio(s.Ratio("coordinator", "actor-native"))} | {Format.Ratio(s.Ratio(PythonRunner.Column, "shared-memory"))} |");
        md.AppendLine();
        md.AppendLine("Ways: *shared-memory* uses lock/Monitor, SemaphoreSlim, Channel<T>, System.Threading.Barrier and Task.Run; *coordinator* uses this");
        md.AppendLine("library's facades (ActorLock, ActorSemaphore, ActorQueue, ActorBarrier, ActorExecutor); *actor-native* keeps the state in");
        md.AppendLine("actors and uses messages only; *python* is CPython with threading, queue and concurrent.futures (GIL).");
        return md.ToString();
    }
}
