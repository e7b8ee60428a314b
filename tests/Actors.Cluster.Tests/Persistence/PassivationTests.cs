using Actors.Cluster.Persistence;
using Actors.Hosting;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// Durable primitives idle for 1 s are passivated here (test only, so that recovery and passivation overlap too): an
/// idle primitive's entity goes away and the next request finds its state and fencing counter; a held lock or a queue
/// with items keeps its entity, however quiet its holder. Run over SQLite and PostgreSQL.
/// </summary>
public abstract class PassivationTests(string store) : DurableClusterTest(store)
{
    /// <summary>The tests over SQLite.</summary>
    public sealed class Sqlite() : PassivationTests(TestJournal.Sqlite);

    /// <summary>The tests over PostgreSQL.</summary>
    public sealed class Postgres() : PassivationTests(TestJournal.Postgres);

    protected override Task<ClusterNodes> StartNodesAsync() => ClusterNodes.StartAsync(count: 2, name: "passivation", config: Database.Config,
        options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions { PassivateIdleAfter = TimeSpan.FromSeconds(1) } });

    [Fact]
    public async Task IdleLock_IsPassivated_AndTheNextRequestFindsItsFencingCounter()
    {
        var facade = Nodes.Primitives(1).Lock("idle-lock");
        var first = await facade.LockAsync().WaitAsync(Patience);
        await first.DisposeAsync();
        await Nodes.Primitives(1).LocateAsync(facade).WaitAsync(Patience);

        await Nodes.UntilStoppedAsync(PrimitiveEntityIds.Lock("idle-lock"));

        var observer = Nodes.Primitives(0).Lock("idle-lock");
        Assert.Equal(first.FencingToken, (await observer.GetStateAsync().WaitAsync(Patience)).FencingToken);
        await using var next = await observer.LockAsync().WaitAsync(Patience);
        Assert.Equal(first.FencingToken + 1, next.FencingToken);
    }

    [Fact]
    public async Task HeldLock_StaysWhileAnIdleLockUsedAfterItIsPassivated_AndIsStillHeld()
    {
        await using var holder = Actors.Owners.ActorOwner.Create(Nodes.Systems[1]);
        var held = Nodes.Primitives(1).Lock("held-lock", holder.Ref);
        var lease = await held.LockAsync().WaitAsync(Patience);
        await Nodes.Primitives(1).LocateAsync(held).WaitAsync(Patience);
        await using (await Nodes.Primitives(0).Lock("used-once-lock").LockAsync().WaitAsync(Patience))
        {
        }

        // The held lock's last message came before the idle one's, so its idle time has passed too.
        await Nodes.UntilStoppedAsync(PrimitiveEntityIds.Lock("used-once-lock"));

        Assert.True(await Nodes.IsRunningAsync(PrimitiveEntityIds.Lock("held-lock")), "The held lock was passivated.");
        var state = await Nodes.Primitives(0).Lock("held-lock").GetStateAsync().WaitAsync(Patience);
        Assert.True(state.Locked);
        Assert.Equal(lease.FencingToken, state.FencingToken);
    }

    [Fact]
    public async Task QueueWithAnItem_KeepsItPastTheIdleTime_AndAnEmptiedQueueAnswersAgain()
    {
        var queue = Nodes.Primitives(0).Queue<int>("passivated-queue");
        await queue.PutAsync(7).WaitAsync(Patience);
        await using (await Nodes.Primitives(1).Lock("queue-clock-lock").LockAsync().WaitAsync(Patience))
        {
        }

        await Nodes.UntilStoppedAsync(PrimitiveEntityIds.Lock("queue-clock-lock"));

        Assert.Equal(7, await queue.GetAsync().WaitAsync(Patience));
        await queue.PutAsync(8).WaitAsync(Patience);
        Assert.Equal(8, await queue.GetAsync().WaitAsync(Patience));
    }
}
