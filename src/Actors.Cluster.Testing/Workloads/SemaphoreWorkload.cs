using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Models;
using Actors.Protocol;
using Actors.Semaphore;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// Clients contend for the permits of one bounded cluster semaphore: acquire with a timeout, hold briefly, release.
/// Checked against <see cref="SemaphoreModel"/>: never more holders than permits, only holders release.
/// </summary>
/// <param name="runName">Makes the semaphore's name unique to the run.</param>
/// <param name="permits">The semaphore's bound.</param>
/// <param name="clientsPerNode">Clients on each node.</param>
/// <param name="seed">Seeds the clients' think and hold times.</param>
public sealed class SemaphoreWorkload(string runName, int permits, int clientsPerNode, int seed) : ContendingWorkload("semaphore", clientsPerNode, seed)
{
    /// <inheritdoc />
    protected override string EntityId => PrimitiveEntityIds.Semaphore(Key, permits, bounded: true);

    /// <inheritdoc />
    protected override string AcquireFunction => SemaphoreModel.Acquire;

    /// <inheritdoc />
    protected override object? TimedOutOutput => false;

    /// <summary>The semaphore's name in a run named <paramref name="runName"/>.</summary>
    public static string KeyOf(string runName) => $"{runName}-semaphore";

    /// <inheritdoc />
    public override Task PlaceAsync(Faults.InProcessCluster cluster, string name)
    {
        Key = KeyOf(runName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override WorkloadReport Check() =>
        Report(LinearizabilityChecker.Check(new SemaphoreModel(permits), History.Operations()), [], $"{permits} permits");

    /// <inheritdoc />
    protected override object AcquireRequest(ClientSession session) => new SemaphoreProtocol.Acquire(RequestIds.Next(), session.Owner, AcquireTimeout);

    /// <inheritdoc />
    protected override object? GrantedOutput(object grant) => true;

    /// <inheritdoc />
    protected override async Task<bool> HoldAndReleaseAsync(ClientSession session, object grant)
    {
        await HoldAsync(session, 30).ConfigureAwait(false);
        var release = History.Invoke(session.Process, Key, SemaphoreModel.Release);
        var reply = await session.RequestAsync(new SemaphoreProtocol.Release(RequestIds.Next(), session.Owner), Backstop).ConfigureAwait(false);
        return Replies.Complete<SemaphoreProtocol.Released>(release, reply, _ => null);
    }
}
