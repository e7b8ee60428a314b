using System.Diagnostics;
using Actors.Cluster;
using Actors.Cluster.Persistence;
using Actors.Cluster.Tests.Support;
using Actors.Queue;
using Akka.Actor;
using Akka.Configuration;

namespace Actors.Benchmarks;

/// <summary>
/// Figures of a durable queue (the cluster package's persisted queue entity, hosted directly in one actor system so
/// that only the journal's cost is added): acknowledged puts per second, one producer and eight, single puts and
/// <c>PutMany</c> batches, on SQLite and on PostgreSQL (<c>ACTORS_TEST_POSTGRES</c>, skipped with a note when unset),
/// each against the same queue in memory in the same run; and the time from starting a queue that holds a million items
/// to its first answered get, with and without snapshots. Seconds of I/O, not nanoseconds, so measured directly rather
/// than by BenchmarkDotNet: <c>-- durable-queue [items to recover]</c>.
/// </summary>
internal static class DurableQueueFigures
{
    private const int BatchSize = 100;

    public static async Task RunAsync(int recoveryItems)
    {
        Console.WriteLine("Acknowledged puts per second (items/s), ratio to the same queue in memory:");
        var inMemory = await MeasurePutsAsync("in memory", null);
        using (var sqlite = new TemporaryDatabase()) await MeasurePutsAsync("SQLite", sqlite.Config, inMemory);
        if (Environment.GetEnvironmentVariable("ACTORS_TEST_POSTGRES") is { Length: > 0 } postgres)
            await MeasurePutsAsync("PostgreSQL", await PostgresConfigAsync(postgres), inMemory);
        else Console.WriteLine("  PostgreSQL: ACTORS_TEST_POSTGRES is not set (eval \"$(scripts/test-servers.sh)\"); not measured.");

        Console.WriteLine($"Recovery of a queue holding {recoveryItems:N0} items, to the first answered get, SQLite:");
        // Few large events (one producer, batches of 1,000), then many small ones (eight producers, batches of 10).
        foreach (var (batch, producers) in new[] { (1000, 1), (10, 8) })
        foreach (var (label, snapshotEvery) in new[] { ("with snapshots", (int?)null), ("without snapshots", int.MaxValue) })
        {
            using var sqlite = new TemporaryDatabase();
            await MeasureRecoveryAsync($"{recoveryItems / batch:N0} events of {batch:N0}, {label}", sqlite.Config,
                new PersistenceOptions { SnapshotEvery = snapshotEvery }, recoveryItems, batch, producers);
        }
    }

    /// <summary>Items per second for each shape; the in-memory run's figures are returned as the baseline of the others.</summary>
    private static async Task<Dictionary<string, double>> MeasurePutsAsync(string store, Config? journal, Dictionary<string, double>? baseline = null)
    {
        var figures = new Dictionary<string, double>();
        var system = ActorSystem.Create("durable-queue-figures", ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off")
            .WithFallback(journal ?? ConfigurationFactory.Empty).WithFallback(ClusterPrimitivesConfig.Serialization));
        try
        {
            var shapes = new (string Name, int Producers, bool Batches, int Operations)[]
            {
                ("1 producer, Put", 1, false, 2_000),
                ("8 producers, Put", 8, false, 1_000),
                ($"1 producer, PutMany({BatchSize})", 1, true, 300),
                ($"8 producers, PutMany({BatchSize})", 8, true, 100),
            };
            var queues = 0;
            foreach (var (name, producers, batches, operations) in shapes)
            {
                var queue = NewQueue(system, journal is not null, $"figures-{queues++}");
                await queue.PutAsync(0);
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, producers).Select(p => ProduceAsync(queue, batches, operations)));
                var perSecond = producers * operations * (batches ? BatchSize : 1) / watch.Elapsed.TotalSeconds;
                figures[name] = perSecond;
                var ratio = baseline is not null ? $"  ({baseline[name] / perSecond:N1}× slower than in memory)" : "";
                Console.WriteLine($"  {store,-10} {name,-26} {perSecond,12:N0} items/s{ratio}");
            }
        }
        finally
        {
            await system.Terminate();
        }

        return figures;
    }

    private static async Task ProduceAsync(ActorQueue<int> queue, bool batches, int operations)
    {
        var batch = Enumerable.Range(0, BatchSize).ToArray();
        for (var i = 0; i < operations; i++)
            if (batches) await queue.PutManyAsync(batch);
            else await queue.PutAsync(i);
    }

    private static ActorQueue<int> NewQueue(ActorSystem system, bool durable, string name) => new(durable
        ? system.ActorOf(PrimitiveEntityProps.For(PrimitiveEntityIds.Queue(name, Actors.Hosting.QueueKind.Fifo, 0), new PersistenceOptions()))
        : system.ActorOf(ActorQueue<int>.Props()));

    private static async Task MeasureRecoveryAsync(string label, Config journal, PersistenceOptions options, int items, int batchSize, int producers)
    {
        var entityId = PrimitiveEntityIds.Queue("recovered", Actors.Hosting.QueueKind.Fifo, 0);
        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off").WithFallback(journal)
            .WithFallback(ClusterPrimitivesConfig.Serialization);
        var fill = Stopwatch.StartNew();
        var system = ActorSystem.Create("durable-queue-fill", config);
        var queue = new ActorQueue<int>(system.ActorOf(PrimitiveEntityProps.For(entityId, options)));
        var perProducer = items / producers;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(async producer =>
        {
            for (var put = 0; put < perProducer; put += batchSize) await queue.PutManyAsync(Enumerable.Range(producer * perProducer + put, batchSize));
        }));

        var filled = fill.Elapsed;
        // A snapshot is written by the snapshot store after the write that asked for it; let the last one land.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await system.Terminate();

        system = ActorSystem.Create("durable-queue-recover", config);
        var recovery = Stopwatch.StartNew();
        queue = new ActorQueue<int>(system.ActorOf(PrimitiveEntityProps.For(entityId, options)));
        var first = await queue.GetAsync();
        var recovered = recovery.Elapsed;
        var count = (await queue.GetStateAsync()).Count + 1;
        await system.Terminate();
        Console.WriteLine($"  {label,-42} first get after {recovered.TotalSeconds,6:N2} s (item {first}, {count:N0} items back; filled in {filled.TotalSeconds:N1} s)");
    }

    /// <summary>The journal and snapshot store in a schema of their own on the test server, created afresh.</summary>
    private static async Task<Config> PostgresConfigAsync(string connectionString)
    {
        const string schema = "actors_bench_durable_queue";
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        var quoted = connectionString.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql {
              connection-string = "{{quoted}}"
              provider-name = "PostgreSQL.15"
              table-mapping = postgresql
              postgresql.schema-name = {{schema}}
              auto-initialize = on
            }
            akka.persistence.snapshot-store.sql {
              connection-string = "{{quoted}}"
              provider-name = "PostgreSQL.15"
              table-mapping = postgresql
              postgresql.schema-name = {{schema}}
              auto-initialize = on
            }
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }
}
