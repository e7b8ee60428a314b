using Actors.Owners;

namespace Actors.Cluster.Tests.Primitives;

[Collection(ThreeNodeClusterCollection.Name)]
public sealed class ClusterLockTests(ThreeNodeCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ClusterNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task Lock_HeldOnOneNode_IsHeldForEveryNode_AndPassesWithAHigherToken()
    {
        var first = Nodes.Primitives(0).Lock("lock-passes");
        var second = Nodes.Primitives(1).Lock("lock-passes");
        var third = Nodes.Primitives(2).Lock("lock-passes");

        var lease = await first.LockAsync().WaitAsync(Patience);
        Assert.False(await third.TryAcquireAsync().WaitAsync(Patience));
        var waiting = second.LockAsync();
        await AwaitWaiting(third, 1);

        await lease.DisposeAsync();
        var next = await waiting.WaitAsync(Patience);
        Assert.True(next.FencingToken > lease.FencingToken);
        Assert.True(await third.IsLockedAsync().WaitAsync(Patience));
        await next.DisposeAsync();
        // Asked from the node that released: its release and this query travel the same way, in order.
        Assert.False(await second.IsLockedAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Lock_WaitCancelledOnAnotherNode_IsWithdrawn_AndStatisticsCountIt()
    {
        var holder = Nodes.Primitives(0).Lock("lock-cancel");
        var waiter = Nodes.Primitives(2).Lock("lock-cancel");
        var lease = await holder.LockAsync().WaitAsync(Patience);
        using var cancellation = new CancellationTokenSource();
        var waiting = waiter.AcquireAsync(cancellation.Token);
        await AwaitWaiting(holder, 1);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var statistics = await waiter.GetStatisticsAsync().WaitAsync(Patience);
        Assert.Equal(1, statistics.Cancellations);
        Assert.Equal(0, statistics.Waiting);
        await lease.DisposeAsync();
        Assert.False(await holder.IsLockedAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Lock_ReleasedByAnotherNodeWhenNotHeld_ThrowsSynchronizationLockException()
    {
        var facade = Nodes.Primitives(1).Lock("lock-not-held");
        await Assert.ThrowsAsync<SynchronizationLockException>(() => facade.ReleaseAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task Lock_OwnerOnAnotherNodeStops_ReleasesTheLock()
    {
        await using var owner = ActorOwner.Create(Nodes.Systems[2]);
        var held = Nodes.Primitives(2).Lock("lock-owner-stops", owner.Ref);
        await held.AcquireAsync().WaitAsync(Patience);
        var observer = Nodes.Primitives(0).Lock("lock-owner-stops");
        Assert.Equal(owner.Ref.Path.ToStringWithoutAddress(), (await observer.GetStateAsync().WaitAsync(Patience)).Holder!.Path.ToStringWithoutAddress());

        await owner.DisposeAsync();
        var acquired = await observer.TryAcquireAsync(Patience).WaitAsync(Patience);
        Assert.True(acquired);
        await observer.ReleaseAsync().WaitAsync(Patience);
    }

    private static Task AwaitWaiting(Actors.Lock.ActorLock facade, int waiting) =>
        Poll.UntilAsync(facade.GetStateAsync, state => state.Waiting == waiting, $"{waiting} waiting");
}
