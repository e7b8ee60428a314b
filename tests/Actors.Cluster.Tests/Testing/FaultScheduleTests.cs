using Actors.Cluster.Testing.Faults;
using Actors.Cluster.Testing.Workloads;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// Randomised fault schedules (partitions between two of three nodes, isolations, kills, restarts; TEST-ONLY failure
/// detector and split-brain timings) against a persisted cluster lock and bounded semaphore, and against a persisted
/// queue, with two clients per node: every history is linearizable (the queue's at least once:
/// <see cref="Actors.Cluster.Testing.Models.AtLeastOnceFifoQueueModel"/>), no fenced write is accepted out of order, no
/// acknowledged item is lost or confirmed to two getters. Each seed's schedule and the nemesis's actions are printed; a
/// failure is replayed by its seed (<c>Actors.Host soak --seed N</c>, or this test with that seed).
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class FaultScheduleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task LockAndSemaphore_UnderFaults_HistoriesAreLinearizable_AndFencingHolds(int seed)
    {
        var report = await FaultRun.RunAsync(new FaultRunOptions { Seed = seed, Kind = FaultRunKind.LockAndSemaphore, Log = output.WriteLine });

        Assert.True(report.Violations.Count == 0, $"seed {seed}: {string.Join(Environment.NewLine, report.Violations)}");
        Assert.True(report.FaultsInjected > 0);
        Assert.All(report.Workloads, w => Assert.True(w.Linearizability.IsLinearizable, w.ToString()));
        Assert.All(report.Workloads, w => Assert.True(w.Operations > 0, $"{w.Name} recorded nothing"));
    }

    [Theory]
    [InlineData(25)]
    [InlineData(27)]
    public async Task DurableQueue_UnderFaultsOnEveryNode_ItsHostKilledFirst_NoAcknowledgedItemLostOrConfirmedTwice(int seed)
    {
        var schedule = FaultSchedule.Draw(seed, 3, FaultScheduleOptions.For(ClusterTimings.Test, 3));
        output.WriteLine($"seed {seed}: {schedule}");
        // The queue is placed on the node the schedule kills first; these seeds kill it before any other fault, and hurt
        // every node (25: kill 0, kill 1, partition 0-2; 27: kill 2, partition 1-2, kill 0).
        Assert.Equal(new Fault.Kill(FaultRun.QueueHostOf(schedule)), schedule.Steps[0].Fault);

        var report = await FaultRun.RunAsync(new FaultRunOptions { Seed = seed, Kind = FaultRunKind.Queue, Log = output.WriteLine });

        Assert.True(report.Violations.Count == 0, $"seed {seed}: {string.Join(Environment.NewLine, report.Violations)}");
        Assert.Equal(schedule.Steps.Count, report.FaultsInjected);
        Assert.True(report.Workloads.Single().Operations > 0);
        Assert.True(report.Workloads.Single().Linearizability.IsLinearizable, report.ToString());
    }
}
