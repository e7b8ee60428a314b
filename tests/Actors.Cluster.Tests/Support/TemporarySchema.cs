using System.Data.Common;
using Actors.TestSupport;
using Akka.Configuration;
using Npgsql;

namespace Actors.Cluster.Tests.Support;

/// <summary>
/// A PostgreSQL schema of its own for one test's journal, in the database of the test servers
/// (<see cref="TestServers.PostgresConnectionString"/>): created empty, its tables made by the journal on first use,
/// dropped with them at the end. Fails with a how-to-start message when the server is not there.
/// </summary>
public sealed class TemporarySchema : TestJournal
{
    private readonly string _connectionString = TestServers.PostgresConnectionString;

    /// <summary>Creates the schema.</summary>
    public TemporarySchema()
    {
        try
        {
            using var connection = Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE SCHEMA {Schema};";
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            throw TestServers.Unreachable("PostgreSQL", "ACTORS_TEST_POSTGRES", e);
        }
    }

    /// <summary>The schema's name.</summary>
    public string Schema { get; } = $"actors_test_{Guid.NewGuid():N}";

    /// <inheritdoc />
    public override Config Config => ClusterPrimitivesConfig.Postgres(_connectionString, Schema);

    /// <inheritdoc />
    protected override string JournalTable => $"{Schema}.journal";

    /// <inheritdoc />
    protected override string SnapshotTable => $"{Schema}.snapshot";

    /// <inheritdoc />
    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Drops the schema and its tables. Drops of parallel test classes take one advisory lock so they do not deadlock
    /// on the catalog, and a drop that still meets a deadlock (a journal write of a system that has just stopped) is
    /// tried again: PostgreSQL has already rolled it back, so trying again is safe.
    /// </summary>
    public override void Dispose()
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = Open();
                using var transaction = connection.BeginTransaction();
                using var drop = connection.CreateCommand();
                drop.Transaction = transaction;
                drop.CommandText = $"SELECT pg_advisory_xact_lock({DropLockKey}); DROP SCHEMA IF EXISTS {Schema} CASCADE;";
                drop.ExecuteNonQuery();
                transaction.Commit();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < attempts)
            {
            }
        }
    }

    private const long DropLockKey = 0x4163746f72734453; // "ActorsDS"
}
