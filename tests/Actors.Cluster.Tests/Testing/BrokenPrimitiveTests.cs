using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Faults;
using Actors.Cluster.Testing.Workloads;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// Mutation tests of the fault harness: the same <see cref="FaultRun"/> as <see cref="FaultScheduleTests"/>, against a
/// lock and a bounded semaphore that are NOT persisted, must report violations — a harness never seen failing proves
/// little. A hand-built schedule crashes the node hosting the lock, then the node hosting the semaphore, each the moment
/// it has granted a hold to a client on another node (<see cref="Fault.KillHostAfterRemoteGrant"/>), while clients hold
/// every grant far longer than a fail-over takes: the next incarnation starts free, with its fencing counter at zero,
/// and grants to the other clients while that holder still holds. The control runs the same schedule against the
/// persisted primitives and must find nothing.
/// </summary>
/// <remarks>
/// What these tests found: with the workloads' usual brief holds the harness caught the forgetful lock only through its
/// repeated tokens and missed the forgetful semaphore entirely — every hold the crash cut short ends in a release of
/// unknown outcome, which the model may place before the crash, so a semaphore that forgets its holders looks like one
/// whose holders released. Only a hold that outlives the fail-over (<see cref="FaultRunOptions.HoldTime"/>) makes a
/// forgotten holder visible. And the fencing audit took the new incarnation's repeated tokens for stale writes; it now
/// reports a token granted twice.
/// </remarks>
[Collection(FaultInjectionCollection.Name)]
public sealed class BrokenPrimitiveTests(ITestOutputHelper output)
{
    private const int Seed = 41;

    /// <summary>
    /// Longer than a crash takes to be downed and the primitive to start again elsewhere under the test timings (about
    /// 6 s here), so that the holder the crash spares still holds when the next incarnation grants.
    /// </summary>
    private static readonly TimeSpan HoldTime = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task LockAndSemaphore_WithoutPersistence_KillingTheirNodesWhileHeld_IsCaught()
    {
        var report = await FaultRun.RunAsync(Options(persistence: false));

        var lockReport = report.Workloads.Single(w => w.Name == "lock");
        var semaphoreReport = report.Workloads.Single(w => w.Name == "semaphore");
        Assert.Equal(2, report.FaultsInjected);
        Assert.True(lockReport.Linearizability.Verdict == Verdict.NotLinearizable, lockReport.ToString());
        Assert.True(semaphoreReport.Linearizability.Verdict == Verdict.NotLinearizable, semaphoreReport.ToString());
    }

    [Fact]
    public async Task LockAndSemaphore_Persisted_SameSchedule_FindsNothing()
    {
        var report = await FaultRun.RunAsync(Options(persistence: true));

        Assert.Equal(2, report.FaultsInjected);
        Assert.True(report.Violations.Count == 0, string.Join(Environment.NewLine, report.Violations));
        Assert.All(report.Workloads, w => Assert.True(w.Linearizability.IsLinearizable, w.ToString()));
    }

    private FaultRunOptions Options(bool persistence)
    {
        var calm = TimeSpan.FromSeconds(2);
        var schedule = new FaultSchedule(Seed,
        [
            new FaultStep(new Fault.KillHostAfterRemoteGrant(FaultRunPrimitives.LockEntityId(Seed)), ClusterTimings.Test.DowningTime, calm),
            new FaultStep(new Fault.KillHostAfterRemoteGrant(FaultRunPrimitives.SemaphoreEntityId(Seed)), ClusterTimings.Test.DowningTime, calm),
        ]);
        return new FaultRunOptions
        {
            Seed = Seed, Persistence = persistence, Schedule = schedule, HoldTime = HoldTime, Log = output.WriteLine,
        };
    }
}
