using Spectre.Console;

namespace Actors.Host.Compare;

/// <summary>The table at the end of a run, drawn with Spectre.Console onto whatever writer the run prints to.</summary>
internal static class ResultTable
{
    public static void Write(CompareReport report, TextWriter output)
    {
        var console = SpectreConsoles.For(output);
        var table = new Table().Border(TableBorder.Rounded).Title($"compare ({Markup.Escape(report.Profile)}), {Markup.Escape(report.Machine)}");
        table.AddColumn("scenario");
        table.AddColumn("way");
        table.AddColumn(new TableColumn("ops/s").RightAligned());
        table.AddColumn(new TableColumn("vs shared").RightAligned());
        table.AddColumn(new TableColumn("p50").RightAligned());
        table.AddColumn(new TableColumn("p99").RightAligned());
        table.AddColumn("check");
        foreach (var s in report.Scenarios)
        {
            var first = true;
            foreach (var w in s.Ways)
            {
                table.AddRow(
                    first ? $"[bold]{Markup.Escape(s.Name)}[/]" : "",
                    Markup.Escape(w.Way),
                    Markup.Escape(Format.Rate(w.OpsPerSecondMedian)),
                    Markup.Escape(Format.Ratio(s.Ratio(w.Way, "shared-memory"))),
                    Markup.Escape(Format.Micros(w.LatencyP50Micros)),
                    Markup.Escape(Format.Micros(w.LatencyP99Micros)),
                    w.Correct ? "[green]ok[/]" : $"[red]WRONG: {Markup.Escape(w.Check)}[/]");
                first = false;
            }
            table.AddEmptyRow();
        }
        console.Write(table);
        if (report.PythonNote is not null) console.MarkupLine($"[grey]{Markup.Escape(report.PythonNote)}[/]");
    }
}
