using System.Data.Common;
using Microsoft.Data.Sqlite;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A SQLite database file for one test class's journal: in the temporary folder, in WAL mode (the nodes of a test
/// cluster share it, as processes on one machine would), deleted with its side files at the end.
/// </summary>
public sealed class TemporaryDatabase : TestJournal
{
    /// <summary>Creates the file and puts it in WAL mode.</summary>
    public TemporaryDatabase()
    {
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    /// <summary>The database file.</summary>
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"actors-cluster-tests-{Guid.NewGuid():N}.db");

    /// <inheritdoc />
    public override Config Config => ClusterPrimitivesConfig.Sqlite(File);

    /// <inheritdoc />
    protected override string JournalTable => "journal";

    /// <inheritdoc />
    protected override string SnapshotTable => "snapshot";

    /// <inheritdoc />
    protected override DbConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        return connection;
    }

    /// <summary>Deletes the file and its side files once no pooled connection holds them.</summary>
    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(File)!, Path.GetFileName(File) + "*")) System.IO.File.Delete(file);
    }
}
