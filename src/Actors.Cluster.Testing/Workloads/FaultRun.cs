using System.Diagnostics;
using Actors.Cluster.Persistence;
using Actors.Cluster.Testing.Faults;
using Akka.Configuration;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// One Jepsen-style run: a three-node in-process cluster (journal on a temporary SQLite file), workloads recording
/// histories on every node, a <see cref="Nemesis"/> injecting a schedule drawn from the seed (once every workload has
/// had its first answer); then the cluster made whole,
/// the clients stopped, and every history checked.
/// </summary>
public static class FaultRun
{
    private const int Nodes = 3;
    private const int QueueHost = 0;

    /// <summary>Runs <paramref name="options"/> and returns what the histories showed.</summary>
    public static async Task<FaultRunReport> RunAsync(FaultRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var runName = FaultRunPrimitives.RunName(options.Seed);
        var queue = options.Kind == FaultRunKind.Queue;
        var scheduleOptions = FaultScheduleOptions.For(options.Timings, options.Faults) with { SparedNode = queue ? QueueHost : null };
        var schedule = options.Schedule ?? FaultSchedule.Draw(options.Seed, Nodes, scheduleOptions);
        using var journal = new TemporaryJournal("actors-faults");
        // Faults make Akka log expected errors by the hundred (sends to terminated nodes); the nemesis's log and the
        // histories say what happened.
        var quiet = ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF");
        var config = queue
            ? ConfigurationFactory.ParseString("akka.cluster.sharding.rebalance-interval = 1h").WithFallback(quiet).WithFallback(journal.Config)
            : quiet.WithFallback(journal.Config);
        // The queue run keeps its queue in memory on a node the schedule spares: a durable queue delivers at least once
        // (an item whose getter timed out before confirming goes back to its place), which the FIFO model, exactly once,
        // does not describe yet.
        var primitives = queue || !options.Persistence ? new ClusterPrimitivesOptions() : new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() };
        await using var cluster = await InProcessCluster.StartAsync(Nodes, options.Timings, config, primitives, runName).ConfigureAwait(false);
        IReadOnlyList<Workload> workloads = queue
            ? [new QueueWorkload(runName, QueueHost, options.ClientsPerNode, options.Seed)]
            : [new LockWorkload(runName, options.ClientsPerNode, options.Seed) { HoldTime = options.HoldTime },
                new SemaphoreWorkload(runName, FaultRunPrimitives.SemaphorePermits, options.ClientsPerNode, options.Seed) { HoldTime = options.HoldTime }];
        foreach (var workload in workloads) await workload.PlaceAsync(cluster, runName).ConfigureAwait(false);

        using var stop = new CancellationTokenSource();
        var running = workloads.Select(w => w.RunAsync(cluster, stop.Token)).ToList();
        var nemesis = new Nemesis(cluster, options.Log);
        try
        {
            // Faults begin once every primitive has answered: a schedule tests fail-over, not a primitive's first start.
            await Task.WhenAll(workloads.Select(w => w.History.FirstOk)).WaitAsync(cluster.Patience).ConfigureAwait(false);
            await nemesis.RunAsync(schedule).ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        foreach (var workload in workloads) await workload.FinishAsync(cluster).ConfigureAwait(false);
        var checks = workloads.Select(w => (Workload: w, Report: w.Check())).ToList();
        foreach (var (workload, check) in checks.Where(c => !c.Report.Linearizability.IsLinearizable))
        {
            var file = Path.Combine(Path.GetTempPath(), $"actors-history-{runName}-{workload.Name}.txt");
            await File.WriteAllLinesAsync(file, workload.History.Operations().Select(o => o.ToLine())).ConfigureAwait(false);
            options.Log($"history of {workload.Name} written to {file}");
        }

        var report = new FaultRunReport(options.Seed, schedule.ToString(), nemesis.FaultsInjected, checks.Select(c => c.Report).ToList(), clock.Elapsed);
        options.Log(report.ToString());
        return report;
    }
}
