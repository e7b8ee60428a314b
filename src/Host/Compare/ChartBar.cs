namespace Actors.Host.Compare;

/// <summary>
/// One bar of the comparison's chart: a way's median throughput in one scenario as a ratio to the baseline's median, with
/// the way's slowest and fastest run divided by the same baseline median (its error bar). The ratios are null when
/// either side measured nothing (a failed run).
/// </summary>
internal sealed record ChartBar(string Scenario, string Way, double? Ratio, double? Low, double? High, string Label, bool Correct);
