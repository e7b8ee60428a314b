using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// A SQLite journal file in the temporary folder, in WAL mode (the nodes of an in-process cluster share it, as processes
/// on one machine would), deleted with its side files when disposed.
/// </summary>
public sealed class TemporaryJournal : IDisposable
{
    /// <summary>Creates the file and puts it in WAL mode.</summary>
    /// <param name="prefix">The start of the file's name.</param>
    public TemporaryJournal(string prefix = "actors-cluster")
    {
        File = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    /// <summary>The database file.</summary>
    public string File { get; }

    /// <summary>The journal and snapshot store configured on this file.</summary>
    public Config Config => ClusterPrimitivesConfig.Sqlite(File);

    /// <summary>Deletes the file and its side files once no pooled connection holds them.</summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(File)!, Path.GetFileName(File) + "*")) System.IO.File.Delete(file);
    }
}
