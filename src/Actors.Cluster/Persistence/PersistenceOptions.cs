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

    internal string JournalPluginIdOrDefault => JournalPluginId ?? "akka.persistence.journal.sql";

    internal string SnapshotPluginIdOrDefault => SnapshotPluginId ?? "akka.persistence.snapshot-store.sql";

    internal int SnapshotEveryOrDefault => Math.Max(1, SnapshotEvery ?? 100);
}
