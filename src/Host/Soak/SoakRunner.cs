using System.Diagnostics;
using Actors.Cluster.Testing.Faults;
using Actors.Cluster.Testing.Workloads;
using Spectre.Console;

namespace Actors.Host.Soak;

/// <summary>
/// <c>soak</c>: fault runs (<see cref="FaultRun"/>) one after another until the time is up, each with its own seed (one
/// seed in three runs the durable queue, the others the lock and the semaphore), printing each run and the totals: histories checked,
/// operations, faults injected, violations. Optionally first measures what each side of a crash and a partition sees.
/// </summary>
internal static class SoakRunner
{
    /// <summary>Exit code of a soak that found a violation.</summary>
    public const int ViolationFound = 1;

    /// <summary>Runs the soak; returns 0, or <see cref="ViolationFound"/>.</summary>
    public static async Task<int> RunAsync(SoakOptions options, TextWriter output, CancellationToken cancellation)
    {
        var console = SpectreConsoles.For(output);
        console.MarkupLine($"[bold]soak[/] for {options.Minutes:0.##} min, first seed {options.Seed}, {options.Timings.Name} timings "
            + $"(replay one run: soak --minutes 0.1 --seed N)");
        if (options.Probe)
            await SplitBrainProbe.MeasureAsync(options.Timings, line => console.MarkupLine(Markup.Escape(line))).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var totals = SoakTotals.None;
        for (var run = 0; totals.Runs == 0 || (clock.Elapsed.TotalMinutes < options.Minutes && !cancellation.IsCancellationRequested); run++)
        {
            var report = await FaultRun.RunAsync(new FaultRunOptions
            {
                Seed = options.Seed + run,
                Timings = options.Timings,
                Faults = options.FaultsPerRun,
                Kind = KindOf(options.Seed + run),
                Log = line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"),
            }).ConfigureAwait(false);
            totals = totals.Add(report);
        }

        var table = new Table().AddColumns("runs", "histories checked", "undecided", "operations", "unknown outcomes", "faults injected", "violations");
        table.AddRow($"{totals.Runs}", $"{totals.Histories}", $"{totals.Undecided}", $"{totals.Operations}", $"{totals.Unknown}", $"{totals.Faults}",
            $"{totals.Violations.Count}");
        console.Write(table);
        foreach (var violation in totals.Violations) console.MarkupLine($"[red]VIOLATION[/] {Markup.Escape(violation)}");
        console.MarkupLine($"{clock.Elapsed.TotalMinutes:F1} min");
        return totals.Violations.Count == 0 ? 0 : ViolationFound;
    }

    /// <summary>The seed decides the run's kind, so that a run replays from its seed alone: one seed in three is a queue's.</summary>
    public static FaultRunKind KindOf(int seed) => seed % 3 == 2 ? FaultRunKind.Queue : FaultRunKind.LockAndSemaphore;
}
