using Actors.Cluster.Serialization;
using Akka.Configuration;

namespace Actors.Cluster;

/// <summary>The HOCON that an actor system running cluster primitives needs: the protocol serializer and its binding.</summary>
public static class ClusterPrimitivesConfig
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "actors-primitives";

    /// <summary>
    /// Binds every <see cref="Actors.Protocol.IPrimitiveMessage"/>, <see cref="Actors.Protocol.IDurableState"/> and
    /// <see cref="Actors.Protocol.IDurableEvent"/> to
    /// <see cref="PrimitiveMessageSerializer"/>. Include
    /// it in the configuration of every node (it is a fallback of <c>WithClusterPrimitives</c> already), so that no
    /// protocol message goes over the wire with Akka's default JSON serializer.
    /// </summary>
    public static Config Serialization { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.{{SerializerName}} = "{{typeof(PrimitiveMessageSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(Actors.Protocol.IPrimitiveMessage).FullName}}, {{typeof(Actors.Protocol.IPrimitiveMessage).Assembly.GetName().Name}}" = {{SerializerName}}
            "{{typeof(Actors.Protocol.IDurableState).FullName}}, {{typeof(Actors.Protocol.IDurableState).Assembly.GetName().Name}}" = {{SerializerName}}
            "{{typeof(Actors.Protocol.IDurableEvent).FullName}}, {{typeof(Actors.Protocol.IDurableEvent).Assembly.GetName().Name}}" = {{SerializerName}}
          }
          serialization-identifiers {
            "{{typeof(PrimitiveMessageSerializer).FullName}}, {{typeof(PrimitiveMessageSerializer).Assembly.GetName().Name}}" = {{PrimitiveMessageSerializer.SerializerId}}
          }
        }
        """);

    /// <summary>
    /// Configures Akka.Persistence.Sql's journal and snapshot store (<c>akka.persistence.journal.sql</c>,
    /// <c>akka.persistence.snapshot-store.sql</c>, the ids <see cref="Persistence.PersistenceOptions"/> uses by
    /// default) on an embedded SQLite database in <paramref name="databaseFile"/>, created with its tables on first use.
    /// It does not change the application's default journal.
    /// </summary>
    /// <param name="databaseFile">The database file; its folder must exist.</param>
    public static Config Sqlite(string databaseFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseFile);
        var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = true }.ConnectionString;
        return SqlStore(connection, "SQLite.MS", schema: null);
    }

    /// <summary>
    /// Configures Akka.Persistence.Sql's journal and snapshot store (the same plugin ids as <see cref="Sqlite"/>) on a
    /// PostgreSQL database through Npgsql. Its tables (<c>journal</c>, <c>tags</c>, <c>snapshot</c>) are created on first
    /// use in <paramref name="schema"/>; the schema itself must exist (<c>CREATE SCHEMA IF NOT EXISTS name;</c>), as
    /// <c>public</c> does. It does not change the application's default journal.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Username=app;Password=...;Database=app</c>.</param>
    /// <param name="schema">The schema of the tables; null (the default) for <c>public</c>.</param>
    public static Config Postgres(string connectionString, string? schema = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return SqlStore(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ConnectionString, "PostgreSQL.15", schema ?? "public");
    }

    private static Config SqlStore(string connectionString, string provider, string? schema)
    {
        var connection = Quoted(connectionString);
        var schemaName = schema is null ? "null" : Quoted(schema);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql {
              connection-string = {{connection}}
              provider-name = "{{provider}}"
              auto-initialize = on
              default.schema-name = {{schemaName}}
            }
            akka.persistence.snapshot-store.sql {
              connection-string = {{connection}}
              provider-name = "{{provider}}"
              auto-initialize = on
              default.schema-name = {{schemaName}}
            }
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }

    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The default database file: <c>actors-primitives.db</c> in the application's local data folder.</summary>
    public static string DefaultDatabaseFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "actors-primitives.db");
}
