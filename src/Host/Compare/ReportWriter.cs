using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Actors.Host.Compare;

/// <summary>Writes a run's report as Markdown, JSON and an SVG chart, under one time-stamped name.</summary>
internal static class ReportWriter
{
    public static readonly string[] Columns = ["shared-memory", "coordinator", "actor-native", PythonRunner.Column];

    public static async Task<ReportFiles> WriteAsync(CompareReport report, string directory, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"compare-{report.Profile}-{report.StartedAt:yyyyMMdd-HHmmss}");
        var files = new ReportFiles(stem + ".md", stem + ".json", stem + ".svg");
        await File.WriteAllTextAsync(files.Json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellation);
        await File.WriteAllTextAsync(files.Svg, SvgChart.Render(report), cancellation);
        await File.WriteAllTextAsync(files.Markdown, Markdown(report, Path.GetFileName(files.Svg)), cancellation);
        return files;
    }

    public static string Markdown(CompareReport report, string chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Comparison: shared memory, coordinator actors, actor-native{(report.PythonVersion is null ? "" : ", CPython")}");
        md.AppendLine();
        md.AppendLine($"- when: {report.StartedAt:yyyy-MM-dd HH:mm:ss zzz}, took {report.Duration.TotalSeconds:0} s, profile `{report.Profile}`, " +
                      $"median of {report.Sizes.Runs} runs after {report.Sizes.WarmupRuns} warm-up");
        md.AppendLine($"- machine: {report.Machine}");
        md.AppendLine($"- python: {report.PythonVersion ?? report.PythonNote}");
        md.AppendLine($"- every result checked: **{(report.AllCorrect ? "all correct" : "SOME WRONG")}**");
        md.AppendLine();
        md.AppendLine($"![throughput chart]({chartFile})");
        md.AppendLine();
        md.AppendLine("Throughput is operations per second (median of the runs); a ratio is a way's throughput divided by the shared-memory one");
        md.AppendLine("of the same run (below 1 means slower). Latency p50/p99 are over every operation of every measured run.");
        md.AppendLine();
        md.AppendLine("| scenario | way | ops/s (median) | min–max | vs shared memory | p50 | p99 | result |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var s in report.Scenarios)
            foreach (var w in s.Ways)
                md.AppendLine($"| {s.Name} ({s.Unit}) | {w.Way} | {Format.Rate(w.OpsPerSecondMedian)} | {Format.Rate(w.OpsPerSecondMin)}–{Format.Rate(w.OpsPerSecondMax)} | " +
                              $"{Format.Ratio(s.Ratio(w.Way, "shared-memory"))} | {Format.Micros(w.LatencyP50Micros)} | {Format.Micros(w.LatencyP99Micros)} | " +
                              $"{(w.Correct ? "ok" : "**WRONG**")}: {w.Check} |");
        md.AppendLine();
        md.AppendLine("## Ratios");
        md.AppendLine();
        md.AppendLine("| scenario | coordinator / shared | actor-native / shared | coordinator / actor-native | python / shared |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
            md.AppendLine($"| {s.Name} | {Format.Ratio(s.Ratio("coordinator", "shared-memory"))} | {Format.Ratio(s.Ratio("actor-native", "shared-memory"))} | " +
                          $"{Format.Ratio(s.Ratio("coordinator", "actor-native"))} | {Format.Ratio(s.Ratio(PythonRunner.Column, "shared-memory"))} |");
        md.AppendLine();
        md.AppendLine("## What each scenario measures");
        md.AppendLine();
        foreach (var s in report.Scenarios)
            md.AppendLine($"- **{s.Name}**: {s.Title}; latency: {(s.LatencyMeaning.Length > 0 ? s.LatencyMeaning : "not meaningful, not measured")}.");
        md.AppendLine();
        md.AppendLine("Ways: *shared-memory* uses lock/Monitor, SemaphoreSlim, Channel<T>, System.Threading.Barrier and Task.Run; *coordinator* uses this");
        md.AppendLine("library's facades (ActorLock, ActorSemaphore, ActorQueue, ActorBarrier, ActorExecutor); *actor-native* keeps the state in");
        md.AppendLine("actors and uses messages only; *python* is CPython with threading, queue and concurrent.futures (GIL).");
        return md.ToString();
    }
}

/// <summary>
/// A grouped horizontal bar chart of throughput, one group per scenario, on a log scale (the ways differ by orders of
/// magnitude), with each bar labelled by its figure and its ratio to shared memory.
/// </summary>
internal static class SvgChart
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["shared-memory"] = "#4c78a8", ["coordinator"] = "#f58518", ["actor-native"] = "#54a24b", [PythonRunner.Column] = "#b279a2",
    };

    public static string Render(CompareReport report)
    {
        const int left = 170, plotWidth = 560, barHeight = 16, gap = 3, groupGap = 18, top = 70;
        var columns = ReportWriter.Columns.Where(c => report.Scenarios.Any(s => s.Find(c) is not null)).ToList();
        var rates = report.Scenarios.SelectMany(s => s.Ways).Select(w => w.OpsPerSecondMedian).Where(r => r > 0).ToList();
        var lo = Math.Floor(Math.Log10(rates.DefaultIfEmpty(1).Min()));
        var hi = Math.Ceiling(Math.Log10(rates.DefaultIfEmpty(10).Max()));
        if (hi <= lo) hi = lo + 1;
        double X(double rate) => left + (Math.Log10(Math.Max(rate, Math.Pow(10, lo))) - lo) / (hi - lo) * plotWidth;
        var groupHeight = columns.Count * (barHeight + gap) + groupGap;
        var height = top + report.Scenarios.Count * groupHeight + 40;
        var width = left + plotWidth + 150;
        var svg = new StringBuilder();
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        svg.AppendLine($"<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Throughput, operations per second (log scale, higher is better)</text>");
        svg.AppendLine($"<text x=\"10\" y=\"40\" fill=\"#555\">{Escape($"profile {report.Profile}, median of {report.Sizes.Runs} runs; {report.Machine}")}</text>");
        for (var i = 0; i < columns.Count; i++)
        {
            var x = left + i * 140;
            svg.AppendLine($"<rect x=\"{x}\" y=\"50\" width=\"12\" height=\"12\" fill=\"{Colours[columns[i]]}\"/><text x=\"{x + 16}\" y=\"60\">{columns[i]}</text>");
        }
        for (var decade = lo; decade <= hi; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.AppendLine($"<line x1=\"{F(x)}\" y1=\"{top - 4}\" x2=\"{F(x)}\" y2=\"{height - 30}\" stroke=\"#ddd\"/>");
            svg.AppendLine($"<text x=\"{F(x)}\" y=\"{height - 14}\" text-anchor=\"middle\" fill=\"#555\">{Escape(Format.Rate(Math.Pow(10, decade)))}</text>");
        }
        var y = top;
        foreach (var s in report.Scenarios)
        {
            svg.AppendLine($"<text x=\"{left - 8}\" y=\"{y + columns.Count * (barHeight + gap) / 2 + 4}\" text-anchor=\"end\" font-weight=\"bold\">{Escape(s.Name)}</text>");
            svg.AppendLine($"<text x=\"{left - 8}\" y=\"{y + columns.Count * (barHeight + gap) / 2 + 18}\" text-anchor=\"end\" fill=\"#555\">{Escape(s.Unit)}/s</text>");
            foreach (var column in columns)
            {
                if (s.Find(column) is { } w)
                {
                    var end = X(w.OpsPerSecondMedian);
                    var label = $"{Format.Rate(w.OpsPerSecondMedian)}" + (column == "shared-memory" ? "" : $" ({Format.Ratio(s.Ratio(column, "shared-memory"))})") +
                                (w.Correct ? "" : " WRONG");
                    svg.AppendLine($"<rect x=\"{left}\" y=\"{y}\" width=\"{F(Math.Max(1, end - left))}\" height=\"{barHeight}\" fill=\"{Colours[column]}\"/>");
                    svg.AppendLine($"<text x=\"{F(end + 4)}\" y=\"{y + barHeight - 4}\" fill=\"{(w.Correct ? "#222" : "red")}\">{Escape(label)}</text>");
                }
                y += barHeight + gap;
            }
            y += groupGap;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
