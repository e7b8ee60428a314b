using Actors.Cluster.Persistence;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// Locks journal their incarnations in one SQLite file (temporary, in WAL mode, shared by the three nodes): a lock
/// entity started again on another node after its node was killed hands out fencing tokens above every token of its
/// earlier incarnation. (Stopping and starting on one node: <see cref="EpochEntityTests"/>.)
/// </summary>
public sealed class FencingPersistenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"actors-fencing-{Guid.NewGuid():N}.db");
    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database}"))
        {
            await connection.OpenAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync();
        }

        _nodes = await ClusterNodes.StartAsync(name: "fencing", config: Akka.Configuration.ConfigurationFactory
            .ParseString("akka.loglevel = WARNING").WithFallback(ClusterPrimitivesConfig.Sqlite(_database)),
        options: new ClusterPrimitivesOptions { FencingPersistence = new FencingPersistenceOptions() });
    }

    public async Task DisposeAsync()
    {
        await Nodes.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*")) File.Delete(file);
    }

    [Fact]
    public async Task Lock_ItsNodeKilled_StartsOnAnotherNode_WithHigherTokens()
    {
        var name = await Nodes.NameHostedOnAsync("fenced-lock", PrimitiveEntityIds.Lock, host: 0);
        var facade = Nodes.Primitives(1).Lock(name);
        var first = await GrantAsync(facade);
        var second = await GrantAsync(facade);
        Assert.Equal(first + 1, second);

        // Its node is killed without leaving: the lock starts on another node, above both incarnations.
        await Nodes.KillAsync(0);
        var afterCrash = await GrantAsync(facade);
        Assert.True(afterCrash > second, $"token {afterCrash} after {second}");
        Assert.Equal(2, afterCrash >> EpochEntity.GrantBits);
        Assert.NotEqual(Nodes.AddressOf(0), await Nodes.Primitives(1).LocateAsync(facade).WaitAsync(Patience));
    }

    private static async Task<long> GrantAsync(Actors.Lock.ActorLock facade)
    {
        await using var lease = await facade.LockAsync().WaitAsync(Patience);
        return lease.FencingToken;
    }
}
