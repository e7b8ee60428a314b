using Actors.Barrier;
using Actors.Condition;
using Actors.Owners;

namespace Actors.Cluster.Tests.Primitives;

/// <summary>RLock and its conditions, Event and Barrier used from several nodes keep their semantics.</summary>
[Collection(ThreeNodeClusterCollection.Name)]
public sealed class ClusterPrimitiveKindsTests(ThreeNodeCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ClusterNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task RLock_ReenteredByAnOwnerOnOneNode_IsRefusedToAnOwnerOnAnother_AndItsConditionWakesAcrossNodes()
    {
        await using var first = ActorOwner.Create(Nodes.Systems[0]);
        await using var second = ActorOwner.Create(Nodes.Systems[2]);
        var mine = Nodes.Primitives(0).RLock("rlock-kinds", first.Ref);
        var theirs = Nodes.Primitives(2).RLock("rlock-kinds", second.Ref);

        Assert.Equal(1, await mine.AcquireAsync().WaitAsync(Patience));
        Assert.Equal(2, await mine.AcquireAsync().WaitAsync(Patience));
        Assert.False(await theirs.TryAcquireAsync().WaitAsync(Patience));
        await Assert.ThrowsAsync<SynchronizationLockException>(() => theirs.ReleaseAsync().WaitAsync(Patience));

        // The waiter on node 0 gives the lock up while it waits; the notifier on node 2 takes it, notifies, releases.
        var condition = Nodes.Primitives(0).Condition("rlock-kinds", first.Ref, "ready");
        var waiting = condition.WaitAsync();
        Assert.True(await theirs.TryAcquireAsync(Patience).WaitAsync(Patience));
        Assert.Equal(1, await Nodes.Primitives(2).Condition("rlock-kinds", second.Ref, "ready").NotifyAsync().WaitAsync(Patience));
        await theirs.ReleaseAsync().WaitAsync(Patience);
        await waiting.WaitAsync(Patience);

        var state = await mine.GetStateAsync().WaitAsync(Patience);
        Assert.Equal(2, state.Depth);
        Assert.True(await mine.IsOwnedAsync().WaitAsync(Patience));
        await mine.ReleaseAsync();
        await mine.ReleaseAsync();
    }

    [Fact]
    public async Task Event_SetOnOneNode_WakesWaitersOnTheOthers()
    {
        var waiters = new[] { Nodes.Primitives(1).Event("event-kinds").WaitAsync(), Nodes.Primitives(2).Event("event-kinds").WaitAsync() };
        var setter = Nodes.Primitives(0).Event("event-kinds");
        await Poll.UntilAsync(setter.GetStateAsync, state => state.Waiting == 2, "two waiting");
        Assert.Equal(2, await setter.SetAsync().WaitAsync(Patience));
        await Task.WhenAll(waiters).WaitAsync(Patience);
        Assert.True(await Nodes.Primitives(2).Event("event-kinds").WaitAsync(TimeSpan.Zero).WaitAsync(Patience));
    }

    [Fact]
    public async Task Barrier_PartiesOnThreeNodes_PassTogether_WithDistinctIndices()
    {
        var parties = Enumerable.Range(0, 3).Select(node => Nodes.Primitives(node).Barrier("barrier-kinds", parties: 3).WaitAsync()).ToList();
        var indices = await Task.WhenAll(parties).WaitAsync(Patience);
        Assert.Equal([0, 1, 2], indices.Order());
    }

    [Fact]
    public async Task Barrier_DefaultTimeoutInItsId_BreaksALonelyParty()
    {
        var barrier = Nodes.Primitives(1).Barrier("barrier-timeout", parties: 2, defaultTimeout: TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<BrokenBarrierException>(() => barrier.WaitAsync().WaitAsync(Patience));
        Assert.True((await barrier.GetStateAsync().WaitAsync(Patience)).IsBroken);
    }

    [Fact]
    public async Task MalformedEntityId_IsRefused_WithoutHarmingItsShard()
    {
        var entity = Nodes.Primitives(0).EntityRef("semaphore:many:tenant");
        var facade = new Actors.Semaphore.ActorSemaphore(entity);
        await Assert.ThrowsAsync<ArgumentException>(() => facade.TryAcquireAsync().WaitAsync(Patience));
    }
}
