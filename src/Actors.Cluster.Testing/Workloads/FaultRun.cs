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

    /// <summary>
    /// TEST-ONLY: how long a getter of the queue run has to confirm a delivery before its item goes back (the default is
    /// 30 s). Short, so that items delivered to getters cut off by a partition come back within the run and the final
    /// drain waits seconds for them, not half a minute; long enough for a confirmation on two busy cores.
    /// </summary>
    public static readonly TimeSpan QueueConfirmDeliveriesWithin = TimeSpan.FromSeconds(3);

    /// <summary>Runs <paramref name="options"/> and returns what the histories showed.</summary>
    public static async Task<FaultRunReport> RunAsync(FaultRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var runName = FaultRunPrimitives.RunName(options.Seed);
        var queue = options.Kind == FaultRunKind.Queue;
        var schedule = options.Schedule ?? FaultSchedule.Draw(options.Seed, Nodes, FaultScheduleOptions.For(options.Timings, options.Faults));
        using var journal = new TemporaryJournal("actors-faults");
        // Faults make Akka log expected errors by the hundred (sends to terminated nodes); the nemesis's log and the
        // histories say what happened.
        var quiet = ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF");
        // The queue is placed on the node the schedule kills first; a rebalance would move it away before the kill.
        var config = queue
            ? ConfigurationFactory.ParseString("akka.cluster.sharding.rebalance-interval = 1h").WithFallback(quiet).WithFallback(journal.Config)
            : quiet.WithFallback(journal.Config);
        var persistence = queue ? new PersistenceOptions { ConfirmDeliveriesWithin = QueueConfirmDeliveriesWithin } : new PersistenceOptions();
        var primitives = new ClusterPrimitivesOptions { Persistence = options.Persistence ? persistence : null };
        await using var cluster = await InProcessCluster.StartAsync(Nodes, options.Timings, config, primitives, runName).ConfigureAwait(false);
        IReadOnlyList<Workload> workloads = queue
            ? [new QueueWorkload(runName, QueueHostOf(schedule), options.ClientsPerNode, options.Seed)]
            : [new LockWorkload(runName, options.ClientsPerNode, options.Seed) { HoldTime = options.HoldTime },
                new SemaphoreWorkload(runName, FaultRunPrimitives.SemaphorePermits, options.ClientsPerNode, options.Seed) { HoldTime = options.HoldTime }];
        foreach (var workload in workloads) await workload.PlaceAsync(cluster, runName).ConfigureAwait(false);
        if (workloads is [QueueWorkload placed]) options.Log($"queue {placed.Key} placed on node {placed.HostNode}");

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
        foreach (var (workload, check) in checks.Where(c => !c.Report.Linearizability.IsLinearizable || c.Report.Violations.Count > 0))
        {
            var file = Path.Combine(Path.GetTempPath(), $"actors-history-{runName}-{workload.Name}.txt");
            await File.WriteAllLinesAsync(file, workload.History.Operations().Select(o => o.ToLine())).ConfigureAwait(false);
            options.Log($"history of {workload.Name} written to {file}");
        }

        var report = new FaultRunReport(options.Seed, schedule.ToString(), nemesis.FaultsInjected, checks.Select(c => c.Report).ToList(), clock.Elapsed);
        options.Log(report.ToString());
        return report;
    }

    /// <summary>The node the schedule kills first (node 0 if it kills none): the queue's host, so that its crash is tested.</summary>
    public static int QueueHostOf(FaultSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Steps.Select(s => s.Fault).OfType<Fault.Kill>().FirstOrDefault()?.Node ?? 0;
    }
}
