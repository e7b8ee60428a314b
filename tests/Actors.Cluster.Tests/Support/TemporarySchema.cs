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

    /// <summary>Drops the schema and its tables.</summary>
    public override void Dispose()
    {
        using var connection = Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP SCHEMA IF EXISTS {Schema} CASCADE;";
        drop.ExecuteNonQuery();
    }
}
