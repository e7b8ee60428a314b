namespace Actors.Host.Compare;

/// <summary>
/// What distinguishes one kind of comparison report from another: its files' name, its title, the way every ratio is
/// taken against, the ways in column order with their colours and legend text, and the words of the chart. The
/// in-process <c>compare</c> and <c>compare --distributed</c> share the writer, the table and the chart through it.
/// </summary>
/// <param name="FilePrefix">The start of the report files' names (<c>compare</c>: <c>compare-default-20260101-120000.md</c>).</param>
/// <param name="Title">The Markdown report's heading.</param>
/// <param name="Baseline">The way every ratio is taken against.</param>
/// <param name="BaselineName">How the chart's 1× line and the table's ratio column name the baseline.</param>
/// <param name="Columns">Every way the report can hold, in column order.</param>
/// <param name="Colours">Each way's bar colour (hex).</param>
/// <param name="Legends">Each way's legend text in the chart, where it says more than the way's name.</param>
/// <param name="ShowLongestWait">Whether the table, the report and the chart's labels give the longest wait of any operation.</param>
internal sealed record ReportLayout(
    string FilePrefix,
    string Title,
    string Baseline,
    string BaselineName,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<string, string> Colours,
    IReadOnlyDictionary<string, string> Legends,
    bool ShowLongestWait)
{
    /// <summary>The in-process comparison: shared memory, coordinator actors, actor-native messages and CPython.</summary>
    public static ReportLayout InProcess { get; } = new(
        "compare",
        "Comparison: shared memory, coordinator actors, actor-native",
        "shared-memory",
        "shared memory",
        ["shared-memory", "coordinator", "actor-native", PythonRunner.Column],
        new Dictionary<string, string>
        {
            ["shared-memory"] = "#4c78a8", ["coordinator"] = "#f58518", ["actor-native"] = "#54a24b", [PythonRunner.Column] = "#b279a2",
        },
        new Dictionary<string, string>(),
        ShowLongestWait: false);

    /// <summary>The columns that <paramref name="report"/> has figures for, in column order.</summary>
    public IReadOnlyList<string> ColumnsIn(CompareReport report) =>
        Columns.Where(c => report.Scenarios.Any(s => s.Find(c) is not null)).ToList();

    /// <summary>The chart's legend text of <paramref name="way"/>.</summary>
    public string LegendOf(string way) => Legends.TryGetValue(way, out var legend) ? legend : way;
}
