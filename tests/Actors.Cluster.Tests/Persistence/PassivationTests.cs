using Actors.Cluster.Persistence;
using Akka.Cluster.Sharding;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// Sharding passivates entities idle for 1 s here (test only, so that recovery and passivation overlap too): a durable
/// primitive comes back from passivation with its holder and its fencing counter, and no request is dropped.
/// </summary>
public sealed class PassivationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TemporaryDatabase _database = new();
    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(count: 2, name: "passivation",
        config: Akka.Configuration.ConfigurationFactory.ParseString("akka.cluster.sharding.passivate-idle-entity-after = 1s").WithFallback(_database.Config),
        options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() });

    public async Task DisposeAsync()
    {
        await Nodes.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task HeldLock_PassivatedWhileIdle_ComesBackHeld_WithItsFencingCounter()
    {
        await using var holder = Actors.Owners.ActorOwner.Create(Nodes.Systems[1]);
        var facade = Nodes.Primitives(1).Lock("passivated-lock", holder.Ref);
        var lease = await facade.LockAsync().WaitAsync(Patience);
        var address = await Nodes.Primitives(1).LocateAsync(facade).WaitAsync(Patience);
        var host = Enumerable.Range(0, 2).First(node => Nodes.AddressOf(node) == address);

        await Poll.UntilAsync(() => Nodes.Primitives(host).Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Patience),
            state => state.Shards.All(shard => !shard.EntityIds.Contains(PrimitiveEntityIds.Lock("passivated-lock"))), "the lock passivated");

        var observer = Nodes.Primitives(0).Lock("passivated-lock");
        var state = await observer.GetStateAsync().WaitAsync(Patience);
        Assert.True(state.Locked);
        Assert.Equal(lease.FencingToken, state.FencingToken);
        await facade.ReleaseAsync().WaitAsync(Patience);
        await using var next = await observer.LockAsync().WaitAsync(Patience);
        Assert.Equal(lease.FencingToken + 1, next.FencingToken);
    }

    [Fact]
    public async Task Queue_InAPersistingRegion_IsPassivatedAndStartedAgain_WithoutDroppingARequest()
    {
        var queue = Nodes.Primitives(0).Queue<int>("passivated-queue");
        for (var round = 0; round < 3; round++)
        {
            await queue.PutAsync(round).WaitAsync(Patience);
            Assert.Equal(round, await queue.GetAsync().WaitAsync(Patience));
            await Poll.UntilAsync(async () => await Task.WhenAll(Enumerable.Range(0, 2).Select(node =>
                    Nodes.Primitives(node).Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Patience))),
                states => states.All(s => s.Shards.All(shard => !shard.EntityIds.Contains(PrimitiveEntityIds.Queue("passivated-queue", Actors.Hosting.QueueKind.Fifo, 0)))),
                "the queue passivated");
        }
    }
}
