using Actors.Cluster.Persistence;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// Primitives journal their durable state in one store shared by the three nodes (a SQLite file in WAL mode, or a
/// PostgreSQL schema): the node hosting a held lock is killed without leaving, and the lock comes back on another node
/// still held, its tokens continued. (Stopping and starting on one node: <see cref="DurableEntityTests"/>.)
/// </summary>
public abstract class DurableClusterTests(string store) : DurableClusterTest(store)
{
    /// <summary>The tests over SQLite.</summary>
    public sealed class Sqlite() : DurableClusterTests(TestJournal.Sqlite);

    /// <summary>The tests over PostgreSQL.</summary>
    public sealed class Postgres() : DurableClusterTests(TestJournal.Postgres);

    protected override Task<ClusterNodes> StartNodesAsync() => ClusterNodes.StartAsync(name: "durable",
        config: Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(Database.Config),
        options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() });

    [Fact]
    public async Task HostOfAHeldLockKilled_LockComesBackHeld_AndPassesToAWaiterOnAThirdNodeWithAHigherToken()
    {
        // The lock lives on node 0, its holder on node 1, the next waiter on node 2.
        var name = await Nodes.NameHostedOnAsync("held-durable-lock", PrimitiveEntityIds.Lock, host: 0);
        await using var holder = Actors.Owners.ActorOwner.Create(Nodes.Systems[1], "holder");
        await using var waiter = Actors.Owners.ActorOwner.Create(Nodes.Systems[2], "waiter");
        var held = Nodes.Primitives(1).Lock(name, holder.Ref);
        var lease = await held.LockAsync().WaitAsync(Patience);

        await Nodes.KillAsync(0);

        var observer = Nodes.Primitives(2).Lock(name, waiter.Ref);
        var state = await observer.GetStateAsync().WaitAsync(Patience);
        Assert.True(state.Locked, "The lock came back free: a second owner could enter while the first still holds.");
        Assert.Equal(holder.Ref.Path.ToStringWithoutAddress(), state.Holder?.Path.ToStringWithoutAddress());
        Assert.NotEqual(Nodes.AddressOf(0), await Nodes.Primitives(2).LocateAsync(observer).WaitAsync(Patience));
        Assert.False(await observer.TryAcquireAsync().WaitAsync(Patience));

        var waiting = observer.LockAsync();
        await Poll.UntilAsync(observer.GetStateAsync, s => s.Waiting == 1, "the waiter queued");
        await held.ReleaseAsync().WaitAsync(Patience);
        var next = await waiting.WaitAsync(Patience);
        Assert.True(next.FencingToken > lease.FencingToken, $"token {next.FencingToken} after {lease.FencingToken}");
    }

    [Fact]
    public async Task Semaphore_HostKilled_ComesBackWithItsPermitsHeld()
    {
        var entityId = (string name) => PrimitiveEntityIds.Semaphore(name, 2, bounded: true);
        var name = await Nodes.NameHostedOnAsync("held-durable-semaphore", entityId, host: 0);
        await using var holder = Actors.Owners.ActorOwner.Create(Nodes.Systems[1]);
        await Nodes.Primitives(1).Semaphore(name, 2, bounded: true, holder.Ref).AcquireAsync().WaitAsync(Patience);

        await Nodes.KillAsync(0);

        var state = await Nodes.Primitives(2).Semaphore(name, 2, bounded: true).GetStateAsync().WaitAsync(Patience);
        Assert.Equal(1, state.Value);
        Assert.Equal(1, state.HeldByOwners);
    }

    [Fact]
    public async Task GetterNodeKilledBeforeConfirming_ItsItemGoesBackToItsPlace()
    {
        var entityId = (string name) => PrimitiveEntityIds.Queue(name, Actors.Hosting.QueueKind.Fifo, 0);
        var name = await Nodes.NameHostedOnAsync("durable-queue", entityId, host: 0);
        var queue = Nodes.Primitives(2).Queue<int>(name);
        await queue.PutManyAsync([1, 2, 3]).WaitAsync(Patience);

        // A getter on node 1 that receives the item and dies with its node before it confirms.
        await using var getter = Actors.Owners.ActorOwner.Create(Nodes.Systems[1], "silent-getter");
        Nodes.Primitives(1).EntityRef(entityId(name)).Tell(new Actors.Queue.QueueProtocol.Get(1, getter.Ref), getter.Ref);
        await Poll.UntilAsync(queue.GetStateAsync, s => s.AwaitingConfirmation == 1 && s.Count == 2, "the item delivered, unconfirmed");

        await Nodes.KillAsync(1);

        await Poll.UntilAsync(queue.GetStateAsync, s => s.AwaitingConfirmation == 0 && s.Count == 3, "the item back in the queue");
        Assert.Equal([1, 2, 3], await queue.GetManyAsync(3).WaitAsync(Patience));
        Assert.Equal(0, (await queue.GetStateAsync().WaitAsync(Patience)).AwaitingConfirmation);
    }

    [Fact]
    public async Task DurableQueue_FilledOnOneNode_DrainedFromTwoOthers_DeliversEveryItemExactlyOnce_AllConfirmed()
    {
        Assert.Equal(Enumerable.Range(0, 300), await QueueDrain.RunAsync(Nodes, "durable-drained-queue", 300));
        var state = await Nodes.Primitives(1).Queue<int>("durable-drained-queue", maxSize: 50).GetStateAsync().WaitAsync(Patience);
        Assert.Equal((0, 0, 0), (state.Count, state.Unfinished, state.AwaitingConfirmation));
    }
}
