using Spectre.Console;

namespace Actors.Host.Compare;

/// <summary>The table at the end of a run, drawn with Spectre.Console onto whatever writer the run prints to.</summary>
internal static class ResultTable
{
    public static void Write(CompareReport report, TextWriter output) => Write(report, ReportLayout.InProcess, output);

    public static void Write(CompareReport report, ReportLayout layout, TextWriter output)
    {
        var console = SpectreConsoles.For(output);
        var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(layout.FilePrefix)} ({Markup.Escape(report.Profile)}), {Markup.Escape(report.Machine)}");
        table.AddColumn("scenario");
        table.AddColumn("way");
        table.AddColumn(new TableColumn("ops/s").RightAligned());
        table.AddColumn(new TableColumn($"vs {Markup.Escape(layout.BaselineName)}").RightAligned());
        table.AddColumn(new TableColumn("p50").RightAligned());
        table.AddColumn(new TableColumn("p99").RightAligned());
        if (layout.ShowLongestWait) table.AddColumn(new TableColumn("longest wait").RightAligned());
        table.AddColumn("check");
        foreach (var s in report.Scenarios)
        {
            var first = true;
            foreach (var w in s.Ways)
            {
                var cells = new List<string>
                {
                    first ? $"[bold]{Markup.Escape(s.Name)}[/]" : "",
                    Markup.Escape(w.Way),
                    Markup.Escape(Format.Rate(w.OpsPerSecondMedian)),
                    Markup.Escape(Format.Ratio(s.Ratio(w.Way, layout.Baseline))),
                    Markup.Escape(Format.Micros(w.LatencyP50Micros)),
                    Markup.Escape(Format.Micros(w.LatencyP99Micros)),
                };
                if (layout.ShowLongestWait) cells.Add(Markup.Escape(Format.Micros(w.LongestWaitMicros)));
                cells.Add(w.Correct ? "[green]ok[/]" : $"[red]WRONG: {Markup.Escape(w.Check)}[/]");
                table.AddRow(cells.ToArray());
                first = false;
            }
            table.AddEmptyRow();
        }
        console.Write(table);
        if (report.PythonNote is not null) console.MarkupLine($"[grey]{Markup.Escape(report.PythonNote)}[/]");
    }
}
