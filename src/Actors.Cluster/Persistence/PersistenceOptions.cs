namespace Actors.Cluster.Persistence;

/// <summary>
/// Where the primitives journal their durable state (see <see cref="ClusterPrimitivesOptions.Persistence"/>): an
/// Akka.Persistence journal and snapshot store, by default Akka.Persistence.Sql's, configured with
/// <see cref="ClusterPrimitivesConfig.Sqlite(string)"/> for an embedded SQLite file or with a PostgreSQL connection string.
/// </summary>
public sealed class PersistenceOptions
{
    /// <summary>The journal plugin; default <c>akka.persistence.journal.sql</c>.</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>The snapshot store plugin; default <c>akka.persistence.snapshot-store.sql</c>.</summary>
    public string? SnapshotPluginId { get; init; }

    /// <summary>A snapshot every this many stored states of one primitive, so recovery replays a short tail; default 100.</summary>
    public int? SnapshotEvery { get; init; }

    /// <summary>
    /// How long a getter of a durable queue has to confirm that a delivered item reached it (the facades confirm as soon
    /// as the reply arrives) before the item goes back to its place; default 30 s. An item also goes back at once when
    /// its getter's owner terminates (its node is downed). A confirmation later than this may see its item delivered
    /// again: across nodes a queue delivers at least once.
    /// </summary>
    public TimeSpan? ConfirmDeliveriesWithin { get; init; }

    internal TimeSpan ConfirmDeliveriesWithinOrDefault => ConfirmDeliveriesWithin ?? TimeSpan.FromSeconds(30);

    internal string JournalPluginIdOrDefault => JournalPluginId ?? "akka.persistence.journal.sql";

    internal string SnapshotPluginIdOrDefault => SnapshotPluginId ?? "akka.persistence.snapshot-store.sql";

    internal int SnapshotEveryOrDefault => Math.Max(1, SnapshotEvery ?? 100);
}
