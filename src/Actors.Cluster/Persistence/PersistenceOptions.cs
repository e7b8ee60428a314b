namespace Actors.Cluster.Persistence;

/// <summary>
/// Where the primitives journal their durable state (see <see cref="ClusterPrimitivesOptions.Persistence"/>): an
/// Akka.Persistence journal and snapshot store, by default Akka.Persistence.Sql's, configured with
/// <see cref="ClusterPrimitivesConfig.Sqlite(string)"/> for an embedded SQLite file or with
/// <see cref="ClusterPrimitivesConfig.Postgres(string, string?)"/> for PostgreSQL.
/// </summary>
public sealed class PersistenceOptions
{
    /// <summary>The journal plugin; default <c>akka.persistence.journal.sql</c>.</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>The snapshot store plugin; default <c>akka.persistence.snapshot-store.sql</c>.</summary>
    public string? SnapshotPluginId { get; init; }

    /// <summary>
    /// A snapshot every this many stored states of one primitive, after which the events and older snapshots behind it
    /// are deleted: the journal holds at most this many events per primitive, and recovery replays a short tail. Default 100.
    /// </summary>
    public int? SnapshotEvery { get; init; }

    /// <summary>
    /// How long a getter of a durable queue has to confirm that a delivered item reached it (the facades confirm as soon
    /// as the reply arrives) before the item goes back to its place; default 30 s. An item also goes back at once when
    /// its getter's owner terminates (its node is downed). A confirmation later than this may see its item delivered
    /// again: across nodes a queue delivers at least once.
    /// </summary>
    public TimeSpan? ConfirmDeliveriesWithin { get; init; }

    internal TimeSpan ConfirmDeliveriesWithinOrDefault => ConfirmDeliveriesWithin ?? TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a primitive stays idle — nothing held, nobody waiting, no item queued — before its entity is passivated
    /// (stopped; the next request starts it again from its stored state, fencing counter included). Default 2 minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> never passivates.
    /// </summary>
    /// <remarks>
    /// It replaces Sharding's <c>passivate-idle-entity-after</c> for the primitives' region, which would also passivate
    /// a held lock whose holder is merely quiet.
    /// </remarks>
    public TimeSpan? PassivateIdleAfter { get; init; }

    internal string JournalPluginIdOrDefault => JournalPluginId ?? "akka.persistence.journal.sql";

    internal string SnapshotPluginIdOrDefault => SnapshotPluginId ?? "akka.persistence.snapshot-store.sql";

    internal int SnapshotEveryOrDefault => Math.Max(1, SnapshotEvery ?? 100);

    internal TimeSpan PassivateIdleAfterOrDefault =>
        PassivateIdleAfter is { } idle && (idle > TimeSpan.Zero || idle == Timeout.InfiniteTimeSpan) ? idle : TimeSpan.FromMinutes(2);
}
