using System.Diagnostics;
using Actors.Cluster;
using Actors.Cluster.Persistence;
using Actors.Cluster.Tests.Support;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace Actors.Benchmarks;

/// <summary>
/// What durability costs, measured in one process against the in-memory primitives (<c>-- durability [count]</c>):
/// the time persistence adds to a lock cycle on SQLite and PostgreSQL, with Akka.Persistence.Sql's write batching and
/// without it (batch-size 1), one caller at a time and many locks at once; and the managed heap of
/// <c>count</c> named locks (default 1,000,000) each used once on one node, while alive and once passivated.
/// PostgreSQL is the test server's (<c>eval "$(scripts/test-servers.sh)"</c> first).
/// </summary>
internal static class DurabilityFigures
{
    private const int SequentialCycles = 1_000;
    private const int ParallelLocks = 64;
    private const int ParallelCycles = 50;
    private static readonly Config Unbatched = ConfigurationFactory.ParseString("akka.persistence.journal.sql.batch-size = 1");

    public static async Task RunAsync(int count, bool memoryOnly)
    {
        if (!memoryOnly)
        {
            await LockCycleCostAsync();
            await IdleLocksMemoryAsync(Math.Min(count, 20_000), passivate: false);
        }

        await IdleLocksMemoryAsync(count, passivate: true);
    }

    private static async Task LockCycleCostAsync()
    {
        var (baseSequential, baseParallel) = await MeasureCyclesAsync(null, null);
        Console.WriteLine($"lock cycle (acquire + release), in memory: {baseSequential:N1} µs one caller, {baseParallel:N1} µs/cycle over {ParallelLocks} locks");
        foreach (var (name, store, extra) in new (string, Func<TestJournal>, Config?)[]
                 {
                     ("SQLite, batched", () => new TemporaryDatabase(), null),
                     ("SQLite, batch-size 1", () => new TemporaryDatabase(), Unbatched),
                     ("PostgreSQL, batched", () => new TemporarySchema(), null),
                     ("PostgreSQL, batch-size 1", () => new TemporarySchema(), Unbatched),
                 })
        {
            using var journal = store();
            var (sequential, parallel) = await MeasureCyclesAsync(extra is null ? journal.Config : extra.WithFallback(journal.Config), new PersistenceOptions());
            Console.WriteLine($"lock cycle, {name}: {sequential:N1} µs one caller (×{sequential / baseSequential:N1}), " +
                              $"{parallel:N1} µs/cycle over {ParallelLocks} locks (×{parallel / baseParallel:N1})");
        }
    }

    /// <summary>Microseconds per acquire + release: one caller on one lock, then <see cref="ParallelLocks"/> callers on a lock each.</summary>
    private static async Task<(double Sequential, double Parallel)> MeasureCyclesAsync(Config? store, PersistenceOptions? persistence)
    {
        await using var nodes = await ClusterNodes.StartAsync(count: 1, name: "durability", config: store,
            options: new ClusterPrimitivesOptions { Persistence = persistence });
        var primitives = nodes.Primitives(0);
        var one = primitives.Lock("cycle-lock");
        await CyclesAsync(one, 100);
        var watch = Stopwatch.StartNew();
        await CyclesAsync(one, SequentialCycles);
        var sequential = watch.Elapsed.TotalMicroseconds / SequentialCycles;

        var many = Enumerable.Range(0, ParallelLocks).Select(i => primitives.Lock($"parallel-lock-{i}")).ToArray();
        await Task.WhenAll(many.Select(facade => CyclesAsync(facade, 5)));
        watch.Restart();
        await Task.WhenAll(many.Select(facade => CyclesAsync(facade, ParallelCycles)));
        return (sequential, watch.Elapsed.TotalMicroseconds / (ParallelLocks * ParallelCycles));
    }

    private static async Task CyclesAsync(Actors.Lock.ActorLock facade, int cycles)
    {
        for (var i = 0; i < cycles; i++)
        {
            await facade.AcquireAsync();
            await facade.ReleaseAsync();
        }
    }

    /// <summary>
    /// <paramref name="count"/> durable locks on one node, each acquired and released once by one of 1,024 concurrent
    /// callers; the heap is read while they are all alive (<paramref name="passivate"/> false), or once every one of
    /// them has been passivated. The store is PostgreSQL with <c>synchronous_commit = off</c> for this session: the heap
    /// does not depend on it, and a million primitives are created in minutes rather than hours on a slow disk.
    /// </summary>
    private static async Task IdleLocksMemoryAsync(int count, bool passivate)
    {
        using var journal = new TemporarySchema();
        var store = ClusterPrimitivesConfig.Postgres(Actors.TestSupport.TestServers.PostgresConnectionString + ";Options=-c synchronous_commit=off", journal.Schema);
        var idle = passivate ? TimeSpan.FromSeconds(5) : Timeout.InfiniteTimeSpan;
        await using var nodes = await ClusterNodes.StartAsync(count: 1, name: "idle-durable", config: store,
            options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions { PassivateIdleAfter = idle } });
        var primitives = nodes.Primitives(0);
        var before = await IdlePrimitivesMemory.SettledMemoryAsync();
        var watch = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        var callers = Task.WhenAll(Enumerable.Range(0, 1024).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var facade = primitives.Lock($"idle-{i}");
                await facade.AcquireAsync();
                await facade.ReleaseAsync();
                Interlocked.Increment(ref done);
            }
        }));
        // A run of a million takes long on a busy machine: the heap on the way says where it is heading.
        while (await Task.WhenAny(callers, Task.Delay(TimeSpan.FromMinutes(2))) != callers)
        {
            var running = (await primitives.Region.Ask<ShardRegionStats>(GetShardRegionStats.Instance, TimeSpan.FromMinutes(1))).Stats.Values.Sum();
            var heap = GC.GetTotalMemory(forceFullCollection: true) - before;
            Console.WriteLine($"  {watch.Elapsed.TotalSeconds:N0} s: {Volatile.Read(ref done):N0} used, {running:N0} running, {heap / (1024.0 * 1024):N0} MiB managed heap");
        }

        await callers;
        var used = watch.Elapsed;
        if (passivate)
            await Poll.UntilAsync(() => primitives.Region.Ask<ShardRegionStats>(GetShardRegionStats.Instance, TimeSpan.FromMinutes(1)),
                stats => stats.Stats.Values.Sum() == 0, "every idle lock passivated");
        var after = passivate ? await IdlePrimitivesMemory.SettledMemoryAsync() : GC.GetTotalMemory(forceFullCollection: true);
        var stats = await primitives.Region.Ask<ShardRegionStats>(GetShardRegionStats.Instance, TimeSpan.FromMinutes(1));
        Console.WriteLine($"{count:N0} durable locks used once ({used.TotalSeconds:N0} s, {count / used.TotalSeconds:N0} locks/s), " +
                          $"{(passivate ? "passivated" : "alive and idle")} ({stats.Stats.Values.Sum():N0} entities running): " +
                          $"{(after - before) / (1024.0 * 1024):N0} MiB managed heap, {(after - before) / (double)count:N0} bytes each");
    }
}
