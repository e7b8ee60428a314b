using System.Data.Common;
using Actors.Cluster.Testing.Workloads;
using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A SQLite database file for one test class's journal (<see cref="TemporaryJournal"/>: in the temporary folder, in WAL
/// mode, deleted with its side files at the end), whose tables the tests may read and write directly.
/// </summary>
public sealed class TemporaryDatabase : TestJournal
{
    private readonly TemporaryJournal _journal = new("actors-cluster-tests");

    /// <summary>The database file.</summary>
    public string File => _journal.File;

    /// <inheritdoc />
    public override Config Config => _journal.Config;

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

    /// <inheritdoc />
    public override void Dispose() => _journal.Dispose();
}
