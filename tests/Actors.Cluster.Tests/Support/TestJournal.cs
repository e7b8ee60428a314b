using System.Data.Common;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A journal and snapshot store of its own for one test (class): a temporary SQLite file or a temporary PostgreSQL
/// schema, created empty and removed at the end. A durability test class is abstract over the store and has one
/// nested class per kind (<see cref="Sqlite"/>, <see cref="Postgres"/>) that takes it from <see cref="Create"/>; the
/// store's tables can be read and written directly.
/// </summary>
public abstract class TestJournal : IDisposable
{
    /// <summary>The embedded SQLite store (<see cref="TemporaryDatabase"/>).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL store of the test servers (<see cref="TemporarySchema"/>).</summary>
    public const string Postgres = "postgres";

    /// <summary>A new, empty store of kind <paramref name="kind"/>.</summary>
    public static TestJournal Create(string kind) => kind switch
    {
        Sqlite => new TemporaryDatabase(),
        Postgres => new TemporarySchema(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a test store."),
    };

    /// <summary>The journal and snapshot store configured on this store.</summary>
    public abstract Config Config { get; }

    /// <summary>The journal table's name as SQL reads it (schema-qualified where there is one).</summary>
    protected abstract string JournalTable { get; }

    /// <summary>The snapshot table's name as SQL reads it.</summary>
    protected abstract string SnapshotTable { get; }

    /// <summary>A new open connection to the store.</summary>
    protected abstract DbConnection Open();

    /// <summary>How many journal rows the primitive with <paramref name="persistenceId"/> has.</summary>
    public async Task<long> CountEventsAsync(string persistenceId) =>
        Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {JournalTable} WHERE persistence_id = @id", ("id", persistenceId)));

    /// <summary>How many snapshots the primitive with <paramref name="persistenceId"/> has.</summary>
    public async Task<long> CountSnapshotsAsync(string persistenceId) =>
        Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {SnapshotTable} WHERE persistence_id = @id", ("id", persistenceId)));

    /// <summary>
    /// Writes journal rows for <paramref name="targetId"/>: copies of those of <paramref name="sourceId"/>, with
    /// <paramref name="payload"/> and <paramref name="manifest"/> instead of theirs where given.
    /// </summary>
    public Task CopyEventsAsync(string sourceId, string targetId, byte[]? payload = null, string? manifest = null) => ExecuteAsync(
        $"""
        INSERT INTO {JournalTable} (deleted, persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid)
        SELECT deleted, @target, sequence_number, created, {(payload is null ? "message" : "@payload")}, identifier,
               {(manifest is null ? "manifest" : "@manifest")}, writer_uuid
        FROM {JournalTable} WHERE persistence_id = @source
        """, ("target", targetId), ("source", sourceId), ("payload", (object?)payload ?? DBNull.Value), ("manifest", (object?)manifest ?? DBNull.Value));

    /// <summary>Writes snapshot rows for <paramref name="targetId"/>: copies of those of <paramref name="sourceId"/> with <paramref name="payload"/>.</summary>
    public Task CopySnapshotsAsync(string sourceId, string targetId, byte[] payload) => ExecuteAsync(
        $"""
        INSERT INTO {SnapshotTable} (persistence_id, sequence_number, created, snapshot, manifest, serializer_id)
        SELECT @target, sequence_number, created, @payload, manifest, serializer_id
        FROM {SnapshotTable} WHERE persistence_id = @source
        """, ("target", targetId), ("source", sourceId), ("payload", payload));

    /// <summary>Removes the store.</summary>
    public abstract void Dispose();

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
