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
public sealed class SemaphoreWorkload(string runName, int permits, int clientsPerNode, int seed) : Workload("semaphore", clientsPerNode, seed)
{
    private static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Backstop = AcquireTimeout + TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override string EntityId => PrimitiveEntityIds.Semaphore(Key, permits, bounded: true);

    /// <inheritdoc />
    public override Task PlaceAsync(Faults.InProcessCluster cluster, string name)
    {
        Key = $"{runName}-semaphore";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override WorkloadReport Check() =>
        Report(LinearizabilityChecker.Check(new SemaphoreModel(permits), History.Operations()), [], $"{permits} permits");

    /// <inheritdoc />
    protected override async Task<bool> RunSessionAsync(ClientSession session, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var acquire = History.Invoke(session.Process, Key, SemaphoreModel.Acquire);
            switch (await session.RequestAsync(new SemaphoreProtocol.Acquire(RequestIds.Next(), session.Owner, AcquireTimeout), Backstop).ConfigureAwait(false))
            {
                case SemaphoreProtocol.Acquired:
                    acquire.Ok(true);
                    await Task.Delay(session.Random.Next(30)).ConfigureAwait(false);
                    var release = History.Invoke(session.Process, Key, SemaphoreModel.Release);
                    switch (await session.RequestAsync(new SemaphoreProtocol.Release(RequestIds.Next(), session.Owner), Backstop).ConfigureAwait(false))
                    {
                        case SemaphoreProtocol.Released:
                            release.Ok();
                            break;
                        case CoordinatorProtocol.Rejected:
                            release.Fail();
                            break;
                        default:
                            release.Unknown();
                            return false;
                    }

                    break;
                case SemaphoreProtocol.NotAcquired:
                    acquire.Ok(false);
                    break;
                case CoordinatorProtocol.Rejected:
                    acquire.Fail();
                    break;
                default:
                    acquire.Unknown();
                    return false;
            }

            await ThinkAsync(session).ConfigureAwait(false);
        }

        return true;
    }
}
