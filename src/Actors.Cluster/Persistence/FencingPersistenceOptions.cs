namespace Actors.Cluster.Persistence;

/// <summary>
/// Where locks and re-entrant locks journal their incarnations, so that their fencing tokens keep increasing across
/// hand-off, rebalance, passivation and crashes (see <see cref="ClusterPrimitivesOptions.FencingPersistence"/>).
/// </summary>
public sealed class FencingPersistenceOptions
{
    /// <summary>The journal plugin; default <c>akka.persistence.journal.sql</c> (configure it with <see cref="ClusterPrimitivesConfig.Sqlite(string)"/>).</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>The snapshot store plugin; default <c>akka.persistence.snapshot-store.sql</c>.</summary>
    public string? SnapshotPluginId { get; init; }

    internal string JournalPluginIdOrDefault => JournalPluginId ?? "akka.persistence.journal.sql";

    internal string SnapshotPluginIdOrDefault => SnapshotPluginId ?? "akka.persistence.snapshot-store.sql";
}
