using System.Diagnostics;

namespace Actors.Host.Compare;

/// <summary>The ways a scenario is run. Python is not a way of this process; its figures come from a child process.</summary>
internal enum Way
{
    /// <summary>lock/Monitor, SemaphoreSlim, Channel&lt;T&gt;, System.Threading.Barrier, Task.Run: the baseline.</summary>
    SharedMemory,

    /// <summary>This library's coordinator actors used through their async facades.</summary>
    Coordinator,

    /// <summary>State owned by actors, messages only, no locks and no coordinator primitives.</summary>
    ActorNative,
}

/// <summary>One run of one way: how many operations it did in how long, and whether its result was right.</summary>
internal sealed record RunOutcome(long Operations, TimeSpan Elapsed, bool Correct, string Check, long[] LatencyTicks)
{
    public double OpsPerSecond => Elapsed > TimeSpan.Zero ? Operations / Elapsed.TotalSeconds : 0;

    public static RunOutcome Failed(string why) => new(0, TimeSpan.Zero, false, why, []);
}

/// <summary>
/// The measured runs of one way of one scenario, summarised. <see cref="LongestWaitMicros"/> is the longest latency of
/// any operation of any run: the fairness figure of <c>compare --distributed</c> (the longest any owner waited).
/// </summary>
internal sealed record WayResult(
    string Way,
    double OpsPerSecondMedian,
    double OpsPerSecondMin,
    double OpsPerSecondMax,
    double? LatencyP50Micros,
    double? LatencyP99Micros,
    bool Correct,
    string Check,
    int Runs,
    double? LongestWaitMicros = null)
{
    public static WayResult From(Way way, IReadOnlyList<RunOutcome> runs, bool latencyMeaningful) => From(Name(way), runs, latencyMeaningful);

    public static WayResult From(string way, IReadOnlyList<RunOutcome> runs, bool latencyMeaningful)
    {
        var rates = runs.Select(r => r.OpsPerSecond).Order().ToArray();
        var latencies = latencyMeaningful ? runs.SelectMany(r => r.LatencyTicks).Order().ToArray() : [];
        var failed = runs.FirstOrDefault(r => !r.Correct);
        return new WayResult(
            way,
            Stats.Median(rates),
            rates.FirstOrDefault(),
            rates.LastOrDefault(),
            latencies.Length > 0 ? Stats.TicksToMicros(Stats.Percentile(latencies, 0.50)) : null,
            latencies.Length > 0 ? Stats.TicksToMicros(Stats.Percentile(latencies, 0.99)) : null,
            failed is null && runs.Count > 0,
            (failed ?? runs.LastOrDefault())?.Check ?? "no run",
            runs.Count,
            latencies.Length > 0 ? Stats.TicksToMicros(latencies[^1]) : null);
    }

    public static string Name(Way way) => way switch
    {
        Compare.Way.SharedMemory => "shared-memory",
        Compare.Way.Coordinator => "coordinator",
        _ => "actor-native",
    };
}

/// <summary>One scenario's results: one entry per way, in the order shared memory, coordinator, actor-native, Python.</summary>
internal sealed record ScenarioResult(string Name, string Title, string Unit, string LatencyMeaning, IReadOnlyList<WayResult> Ways)
{
    public WayResult? Find(string way) => Ways.FirstOrDefault(w => w.Way == way);

    /// <summary>Throughput of <paramref name="way"/> divided by that of <paramref name="baseline"/>, when both ran.</summary>
    public double? Ratio(string way, string baseline) =>
        Find(way) is { OpsPerSecondMedian: > 0 } a && Find(baseline) is { OpsPerSecondMedian: > 0 } b ? a.OpsPerSecondMedian / b.OpsPerSecondMedian : null;
}

/// <summary>Everything one <c>compare</c> run measured, with the machine it ran on.</summary>
internal sealed record CompareReport(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string Profile,
    CompareSizes Sizes,
    string Machine,
    string? PythonVersion,
    string? PythonNote,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    public bool AllCorrect => Scenarios.All(s => s.Ways.All(w => w.Correct));

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $".NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}";
}

/// <summary>Medians and percentiles over sorted samples.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    public static long Percentile(IReadOnlyList<long> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double TicksToMicros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

/// <summary>
/// Latency samples of one worker. Each worker owns its own recorder, so recording needs no synchronisation;
/// the recorders are read only after the workers have finished.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly List<long> _ticks = new(capacity);

    public void Add(long startTimestamp) => _ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    public void AddTicks(long ticks) => _ticks.Add(ticks);

    public static long[] Merge(IEnumerable<LatencyRecorder> recorders) => recorders.SelectMany(r => r._ticks).ToArray();
}
