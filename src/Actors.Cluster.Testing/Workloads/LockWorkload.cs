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
public sealed class LockWorkload(string runName, int clientsPerNode, int seed) : ContendingWorkload("lock", clientsPerNode, seed)
{
    /// <summary>The resource the holders write to.</summary>
    public FencedResource Resource { get; } = new();

    /// <inheritdoc />
    protected override string EntityId => PrimitiveEntityIds.Lock(Key);

    /// <inheritdoc />
    protected override string AcquireFunction => LockModel.Acquire;

    /// <inheritdoc />
    protected override object? TimedOutOutput => null;

    /// <summary>The lock's name in a run named <paramref name="runName"/>.</summary>
    public static string KeyOf(string runName) => $"{runName}-lock";

    /// <inheritdoc />
    public override Task PlaceAsync(Faults.InProcessCluster cluster, string name)
    {
        Key = KeyOf(runName);
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
    protected override object AcquireRequest(ClientSession session) => new LockProtocol.Acquire(RequestIds.Next(), session.Owner, AcquireTimeout);

    /// <inheritdoc />
    protected override object? GrantedOutput(object grant) => ((LockProtocol.Acquired)grant).FencingToken;

    /// <inheritdoc />
    protected override async Task<bool> HoldAndReleaseAsync(ClientSession session, object grant)
    {
        var token = ((LockProtocol.Acquired)grant).FencingToken;
        Resource.Write(session.Process, token);
        await HoldAsync(session, 20).ConfigureAwait(false);
        Resource.Write(session.Process, token);
        var release = History.Invoke(session.Process, Key, LockModel.Release, token);
        var reply = await session.RequestAsync(new LockProtocol.Release(RequestIds.Next(), token), Backstop).ConfigureAwait(false);
        return Replies.Complete<LockProtocol.Released>(release, reply, _ => null);
    }
}
