using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Actors.Host.Compare;

/// <summary>
/// The comparison's chart, drawn with ScottPlot as a PNG and an SVG: one horizontal bar per scenario and way, the length
/// of a bar being its throughput's ratio to the layout's baseline (shared memory in process, DistributedLock.Redis for
/// <c>compare --distributed</c>) on a log axis that starts at the baseline (1×, marked), so a bar
/// to the right is faster, one to the left slower, and its length is the factor. The axis is fixed (0.001× to 1000×,
/// widened by whole decades only when a figure falls outside), so charts of different runs compare. Each bar carries the
/// min–max spread of its runs as an error bar, and a label with its ratio and its throughput in the scenario's unit (and
/// its longest wait where the layout shows fairness).
/// </summary>
internal static class ThroughputChart
{
    /// <summary>The fixed axis, in decades: 10^-3 (0.001×) to 10^3 (1000×; the room right of the bars holds their labels).</summary>
    public const int LowestDecade = -3, HighestDecade = 3;

    /// <summary>The colour of the error bars, which nothing else in the chart uses (so a test can find them in the SVG).</summary>
    public const string ErrorBarColour = "#202020";

    /// <summary>Width of the saved images, in pixels; the height grows with the number of bars.</summary>
    public const int Width = 1200;

    /// <summary>The bars of the in-process <paramref name="report"/>, scenario by scenario, in column order.</summary>
    public static IReadOnlyList<ChartBar> Bars(CompareReport report) => Bars(report, ReportLayout.InProcess);

    /// <summary>The bars of <paramref name="report"/>, scenario by scenario, in the order of the layout's columns.</summary>
    public static IReadOnlyList<ChartBar> Bars(CompareReport report, ReportLayout layout)
    {
        var columns = layout.ColumnsIn(report);
        var bars = new List<ChartBar>();
        foreach (var s in report.Scenarios)
        {
            var baseline = s.Find(layout.Baseline)?.OpsPerSecondMedian ?? 0;
            foreach (var way in columns)
            {
                if (s.Find(way) is not { } w) continue;
                double? Of(double rate) => baseline > 0 && rate > 0 ? rate / baseline : null;
                var ratio = Of(w.OpsPerSecondMedian);
                var label = ratio is null ? "no figure" : $"{Format.Ratio(ratio)}, {Format.Rate(w.OpsPerSecondMedian)} {s.Unit}/s";
                if (ratio is not null && layout.ShowLongestWait && w.LongestWaitMicros is { } longest) label += $", longest wait {Format.Micros(longest)}";
                if (!w.Correct) label += ", WRONG";
                bars.Add(new ChartBar(s.Name, way, ratio, Of(w.OpsPerSecondMin) ?? ratio, Of(w.OpsPerSecondMax) ?? ratio, label, w.Correct));
            }
        }
        return bars;
    }

    /// <summary>Draws the chart of the in-process <paramref name="report"/> and saves it as <paramref name="png"/> and <paramref name="svg"/>.</summary>
    public static void Save(CompareReport report, string png, string svg) => Save(report, ReportLayout.InProcess, png, svg);

    /// <summary>Draws the chart of <paramref name="report"/> and saves it as <paramref name="png"/> and <paramref name="svg"/>.</summary>
    public static void Save(CompareReport report, ReportLayout layout, string png, string svg)
    {
        var columns = layout.ColumnsIn(report).ToList();
        var bars = Bars(report, layout);
        var height = 170 + report.Scenarios.Count * (columns.Count + 1) * 22;
        using var plot = Draw(report, layout, columns, bars);
        plot.SavePng(png, Width, height);
        plot.SaveSvg(svg, Width, height);
    }

    private static Plot Draw(CompareReport report, ReportLayout layout, List<string> columns, IReadOnlyList<ChartBar> bars)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var (low, high) = Decades(bars);
        plot.HideGrid();
        for (var decade = low; decade <= high; decade++)
            if (decade != 0) plot.Add.VerticalLine(decade, 1, Colors.LightGray);
        var baseline = plot.Add.VerticalLine(0, 2, Colors.Black, LinePattern.Dashed);
        baseline.Text = $"{layout.BaselineName} = 1×";
        baseline.LabelOppositeAxis = true;

        var rows = new List<(double Y, ChartBar Bar)>();
        var scenarioTicks = new NumericManual();
        for (var i = 0; i < report.Scenarios.Count; i++)
        {
            var scenario = report.Scenarios[i];
            var top = -i * (columns.Count + 1.0);
            scenarioTicks.AddMajor(top - (columns.Count - 1) / 2.0, $"{scenario.Name}\n({scenario.Unit}/s)");
            foreach (var bar in bars.Where(b => b.Scenario == scenario.Name))
                rows.Add((top - columns.IndexOf(bar.Way), bar));
        }

        foreach (var way in columns)
        {
            var mine = rows.Where(r => r.Bar.Way == way && r.Bar.Ratio is not null).ToList();
            if (mine.Count == 0) continue;
            var barPlot = plot.Add.Bars(mine.Select(r => new Bar
            {
                Position = r.Y, ValueBase = 0, Value = Math.Log10(r.Bar.Ratio!.Value), Size = 0.8,
                FillColor = Color.FromHex(layout.Colours[way]), LineWidth = 0,
            }).ToArray());
            barPlot.Horizontal = true;
            barPlot.LegendText = layout.LegendOf(way);
            var errors = new ErrorBar(
                mine.Select(r => Math.Log10(r.Bar.Ratio!.Value)).ToList(), mine.Select(r => r.Y).ToList(),
                mine.Select(r => Math.Log10(r.Bar.High!.Value / r.Bar.Ratio!.Value)).ToList(),
                mine.Select(r => Math.Log10(r.Bar.Ratio!.Value / r.Bar.Low!.Value)).ToList(),
                mine.Select(_ => 0.0).ToList(), mine.Select(_ => 0.0).ToList())
            {
                LineColor = Color.FromHex(ErrorBarColour), LineWidth = 1.5f, CapSize = 6,
            };
            plot.Add.Plottable(errors);
        }

        foreach (var (y, bar) in rows)
        {
            // Labels start right of the bar, its error bar and the baseline, so none covers a bar.
            var x = bar.High is { } high1 ? Math.Max(0, Math.Log10(high1)) : 0;
            var text = plot.Add.Text(bar.Label, x, y);
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = 6;
            text.LabelFontColor = bar.Correct ? Colors.Black : Colors.Red;
        }

        var decadeTicks = new NumericManual();
        for (var decade = low; decade <= high; decade++)
        {
            decadeTicks.AddMajor(decade, Format.Ratio(Math.Pow(10, decade)));
            if (decade < high)
                for (var k = 2; k <= 9; k++) decadeTicks.AddMinor(decade + Math.Log10(k));
        }
        plot.Axes.Bottom.TickGenerator = decadeTicks;
        plot.Axes.Left.TickGenerator = scenarioTicks;
        plot.Axes.SetLimitsX(low, high);
        plot.Axes.SetLimitsY(-(report.Scenarios.Count * (columns.Count + 1.0)) + 1, 1);
        plot.Title($"Throughput relative to {layout.BaselineName}: {layout.FilePrefix} ({report.Profile}), median of {report.Sizes.Runs} run(s)");
        plot.XLabel($"throughput ÷ {layout.BaselineName} throughput of the same scenario (log scale; right of 1× is faster)\n" +
                    "bar: median of the runs; error bar: slowest to fastest run", 13);
        plot.ShowLegend(Edge.Top);
        plot.Axes.Right.MinimumSize = 30; // room for the last tick's label
        return plot;
    }

    /// <summary>The fixed axis, widened by whole decades to take in every bar and error bar.</summary>
    private static (int Low, int High) Decades(IReadOnlyList<ChartBar> bars)
    {
        var lows = bars.Where(b => b.Low is > 0).Select(b => Math.Floor(Math.Log10(b.Low!.Value)));
        var highs = bars.Where(b => b.High is > 0).Select(b => Math.Ceiling(Math.Log10(b.High!.Value)));
        return ((int)Math.Min(LowestDecade, lows.DefaultIfEmpty(LowestDecade).Min()), (int)Math.Max(HighestDecade, highs.DefaultIfEmpty(HighestDecade).Max()));
    }
}
