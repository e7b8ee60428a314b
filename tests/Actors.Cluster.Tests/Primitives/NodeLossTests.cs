using Actors.Owners;

namespace Actors.Cluster.Tests.Primitives;

/// <summary>
/// A node is killed without leaving (its own cluster, since the test breaks it): the split-brain resolver downs it
/// (keep-majority: two of three remain), DeathWatch across nodes tells the entities its owners are gone, and what they
/// held passes to the waiters on the other nodes.
/// </summary>
public sealed class NodeLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(name: "node-loss");

    public async Task DisposeAsync() => await Nodes.DisposeAsync();

    [Fact]
    public async Task HolderNodeKilled_LockPassesToTheWaiterOnAnotherNode_WithAHigherToken_AndItsPermitsComeBack()
    {
        // The primitives live on node 0; the holder is on node 2, the waiter on node 1.
        var lockName = await Nodes.NameHostedOnAsync("held-lock", PrimitiveEntityIds.Lock, host: 0);
        var semaphoreName = await Nodes.NameHostedOnAsync("held-semaphore", name => PrimitiveEntityIds.Semaphore(name, 2, bounded: true), host: 0);
        var holder = ActorOwner.Create(Nodes.Systems[2], "holder");
        await using var waiter = ActorOwner.Create(Nodes.Systems[1], "waiter");

        var held = await Nodes.Primitives(2).Lock(lockName, holder.Ref).LockAsync().WaitAsync(Patience);
        var permits = Nodes.Primitives(2).Semaphore(semaphoreName, 2, bounded: true, holder.Ref);
        await permits.AcquireAsync().WaitAsync(Patience);
        await permits.AcquireAsync().WaitAsync(Patience);

        var waitingLock = Nodes.Primitives(1).Lock(lockName, waiter.Ref).LockAsync();
        var waitingPermit = Nodes.Primitives(1).Semaphore(semaphoreName, 2, bounded: true, waiter.Ref).EnterAsync();
        var observer = Nodes.Primitives(0).Lock(lockName);
        await Poll.UntilAsync(observer.GetStateAsync, state => state.Waiting == 1, "the waiter queued");
        Assert.False(waitingLock.IsCompleted);

        await Nodes.KillAsync(2);

        var granted = await waitingLock.WaitAsync(Patience);
        Assert.True(granted.FencingToken > held.FencingToken, $"token {granted.FencingToken} after {held.FencingToken}");
        var state = await observer.GetStateAsync().WaitAsync(Patience);
        Assert.Equal(waiter.Ref.Path.ToStringWithoutAddress(), state.Holder?.Path.ToStringWithoutAddress());
        (await waitingPermit.WaitAsync(Patience)).Dispose();
        var statistics = await observer.GetStatisticsAsync().WaitAsync(Patience);
        Assert.Equal(1, statistics.OwnerDeathReleases);
    }
}
