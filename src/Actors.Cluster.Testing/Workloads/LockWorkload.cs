using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Models;
using Actors.Lock;
using Actors.Protocol;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// Clients contend for one cluster lock: acquire with a timeout, write to a <see cref="FencedResource"/> with the token
/// (at the start and at the end of the hold), release by token. Checked: the history against <see cref="LockModel"/>
/// (one holder at a time, tokens increasing, only the holder releases) and the fenced writes.
/// </summary>
/// <param name="runName">Makes the lock's name unique to the run.</param>
/// <param name="clientsPerNode">Clients on each node.</param>
/// <param name="seed">Seeds the clients' think and hold times.</param>
public sealed class LockWorkload(string runName, int clientsPerNode, int seed) : Workload("lock", clientsPerNode, seed)
{
    private static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Backstop = AcquireTimeout + TimeSpan.FromSeconds(5);

    /// <summary>The resource the holders write to.</summary>
    public FencedResource Resource { get; } = new();

    /// <inheritdoc />
    protected override string EntityId => PrimitiveEntityIds.Lock(Key);

    /// <inheritdoc />
    public override Task PlaceAsync(Faults.InProcessCluster cluster, string name)
    {
        Key = $"{runName}-lock";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override WorkloadReport Check()
    {
        var history = History.Operations();
        var (accepted, refused) = Resource.Counts;
        return Report(LinearizabilityChecker.Check(new LockModel(), history), Resource.Audit(history),
            $"fenced writes {accepted} accepted, {refused} stale refused");
    }

    /// <inheritdoc />
    protected override async Task<bool> RunSessionAsync(ClientSession session, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var acquire = History.Invoke(session.Process, Key, LockModel.Acquire);
            switch (await session.RequestAsync(new LockProtocol.Acquire(RequestIds.Next(), session.Owner, AcquireTimeout), Backstop).ConfigureAwait(false))
            {
                case LockProtocol.Acquired granted:
                    acquire.Ok(granted.FencingToken);
                    Resource.Write(session.Process, granted.FencingToken);
                    await Task.Delay(session.Random.Next(20)).ConfigureAwait(false);
                    Resource.Write(session.Process, granted.FencingToken);
                    if (!await ReleaseAsync(session, granted.FencingToken).ConfigureAwait(false)) return false;
                    break;
                case LockProtocol.NotAcquired:
                    acquire.Ok(null);
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

    private async Task<bool> ReleaseAsync(ClientSession session, long token)
    {
        var release = History.Invoke(session.Process, Key, LockModel.Release, token);
        switch (await session.RequestAsync(new LockProtocol.Release(RequestIds.Next(), token), Backstop).ConfigureAwait(false))
        {
            case LockProtocol.Released:
                release.Ok();
                return true;
            case CoordinatorProtocol.Rejected:
                release.Fail();
                return true;
            default:
                release.Unknown();
                return false;
        }
    }
}
