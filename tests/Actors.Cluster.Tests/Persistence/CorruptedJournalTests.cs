using Actors.Cluster.Persistence;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>
/// Bad rows written straight into the store (a truncated payload, an unknown manifest, another primitive's state, a
/// corrupted snapshot): the primitive they belong to logs an error naming it and refuses every request with a clear
/// exception, at once and again on the next request; it never starts empty, and the other primitives keep working.
/// Run over SQLite and PostgreSQL.
/// </summary>
public abstract class CorruptedJournalTests(string store) : DurableClusterTest(store)
{
    private const int SnapshotEvery = 2;

    /// <summary>The tests over SQLite.</summary>
    public sealed class Sqlite() : CorruptedJournalTests(TestJournal.Sqlite);

    /// <summary>The tests over PostgreSQL.</summary>
    public sealed class Postgres() : CorruptedJournalTests(TestJournal.Postgres);

    protected override Task<ClusterNodes> StartNodesAsync() => ClusterNodes.StartAsync(count: 1, name: "corrupted", config: Database.Config,
        options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions { SnapshotEvery = SnapshotEvery } });

    [Theory]
    [InlineData("truncated event")]
    [InlineData("unknown manifest")]
    [InlineData("another kind's state")]
    [InlineData("truncated snapshot")]
    public async Task BadRow_ItsPrimitiveLogsAndRefusesRequests_OthersWork(string badRow)
    {
        var primitives = Nodes.Primitives(0);
        var name = $"corrupted-{badRow.Replace(' ', '-').Replace('\'', '-')}";
        await WriteBadRowAsync(badRow, DurableEntity.PersistenceIdOf(PrimitiveEntityIds.Lock(name)));
        var logged = LoggedErrors.FirstContaining(Nodes.Systems[0], PrimitiveEntityIds.Lock(name));

        var corrupted = primitives.Lock(name);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => corrupted.GetStateAsync().WaitAsync(Patience));
        Assert.Contains(PrimitiveEntityIds.Lock(name), refusal.Message, StringComparison.Ordinal);
        Assert.Contains("could not be recovered", refusal.Message, StringComparison.Ordinal);
        await logged.WaitAsync(Patience);

        await Nodes.UntilStoppedAsync(PrimitiveEntityIds.Lock(name));
        await Assert.ThrowsAsync<InvalidOperationException>(() => corrupted.TryAcquireAsync().WaitAsync(Patience));

        await using var other = await primitives.Lock($"{name}-neighbour").LockAsync().WaitAsync(Patience);
        Assert.Equal(1, other.FencingToken);
    }

    /// <summary>
    /// Writes the bad row for <paramref name="target"/>, copied from a template primitive's real rows: a lock holding
    /// one event, a semaphore holding one event, or a lock whose second event made a snapshot.
    /// </summary>
    private async Task WriteBadRowAsync(string badRow, string target)
    {
        var primitives = Nodes.Primitives(0);
        var truncated = new byte[] { 0x95, 0x01 };
        switch (badRow)
        {
            case "truncated event":
                await primitives.Lock("lock-template").AcquireAsync().WaitAsync(Patience);
                await Database.CopyEventsAsync(DurableEntity.PersistenceIdOf(PrimitiveEntityIds.Lock("lock-template")), target, payload: truncated);
                break;
            case "unknown manifest":
                await primitives.Lock("lock-template").AcquireAsync().WaitAsync(Patience);
                await Database.CopyEventsAsync(DurableEntity.PersistenceIdOf(PrimitiveEntityIds.Lock("lock-template")), target, manifest: "Lock.NoSuchState");
                break;
            case "another kind's state":
                await primitives.Semaphore("semaphore-template", 2).AcquireAsync().WaitAsync(Patience);
                await Database.CopyEventsAsync(DurableEntity.PersistenceIdOf(PrimitiveEntityIds.Semaphore("semaphore-template", 2, bounded: false)), target);
                break;
            case "truncated snapshot":
                var template = DurableEntity.PersistenceIdOf(PrimitiveEntityIds.Lock("snapshot-template"));
                await (await primitives.Lock("snapshot-template").LockAsync().WaitAsync(Patience)).DisposeAsync();
                await Poll.UntilAsync(() => Database.CountSnapshotsAsync(template), count => count == 1, "the template's snapshot stored");
                await Database.CopySnapshotsAsync(template, target, truncated);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(badRow), badRow, "No such bad row.");
        }
    }
}
