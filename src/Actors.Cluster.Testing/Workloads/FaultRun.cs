using System.Diagnostics;
using Actors.Cluster.Persistence;
using Actors.Cluster.Testing.Faults;
using Akka.Configuration;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// One Jepsen-style run: a three-node in-process cluster (journal on a temporary SQLite file), workloads recording
/// histories on every node, a <see cref="Nemesis"/> injecting a schedule drawn from the seed; then the cluster made whole,
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
        var runName = $"run{options.Seed}";
        var queue = options.Kind == FaultRunKind.Queue;
        var scheduleOptions = FaultScheduleOptions.For(options.Timings, options.Faults) with { SparedNode = queue ? QueueHost : null };
        var schedule = FaultSchedule.Draw(options.Seed, Nodes, scheduleOptions);
        using var journal = new TemporaryJournal("actors-faults");
        var config = queue
            ? ConfigurationFactory.ParseString("akka.cluster.sharding.rebalance-interval = 1h").WithFallback(journal.Config)
            : journal.Config;
        await using var cluster = await InProcessCluster.StartAsync(Nodes, options.Timings, config,
            new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() }, runName).ConfigureAwait(false);
        IReadOnlyList<Workload> workloads = queue
            ? [new QueueWorkload(runName, QueueHost, options.ClientsPerNode, options.Seed)]
            : [new LockWorkload(runName, options.ClientsPerNode, options.Seed), new SemaphoreWorkload(runName, 2, options.ClientsPerNode, options.Seed)];
        foreach (var workload in workloads) await workload.PlaceAsync(cluster, runName).ConfigureAwait(false);

        using var stop = new CancellationTokenSource();
        var running = workloads.Select(w => w.RunAsync(cluster, stop.Token)).ToList();
        var nemesis = new Nemesis(cluster, options.Log);
        try
        {
            await nemesis.RunAsync(schedule).ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        foreach (var workload in workloads) await workload.FinishAsync(cluster).ConfigureAwait(false);
        var report = new FaultRunReport(options.Seed, schedule.ToString(), nemesis.FaultsInjected, workloads.Select(w => w.Check()).ToList(), clock.Elapsed);
        options.Log(report.ToString());
        return report;
    }
}
