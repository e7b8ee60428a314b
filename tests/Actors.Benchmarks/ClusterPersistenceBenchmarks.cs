using Actors.Cluster;
using Actors.Cluster.Persistence;
using Actors.Cluster.Tests.Support;
using Actors.Lock;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// What persistence costs a cross-node lock: two two-node clusters in this process, one keeping its primitives in
/// memory, one journaling them to SQLite (a temporary file in WAL mode, Akka.Persistence.Sql); in each the lock's
/// entity lives on the second node and every call is made from the first. The baseline is a raw cross-node Ask to an
/// echo entity. The journal's share of a persisted cycle is (persisted − in memory) / persisted.
/// </summary>
[MemoryDiagnoser]
public class ClusterPersistenceBenchmarks
{
    private const int Cycles = 100;
    private readonly TemporaryDatabase _database = new();
    private ClusterNodes _memory = null!;
    private ClusterNodes _durable = null!;
    private EchoRegion _echo = null!;
    private string _echoId = null!;
    private ActorLock _memoryLock = null!;
    private ActorLock _durableLock = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _memory = await ClusterNodes.StartAsync(count: 2, name: "bench-memory");
        _durable = await ClusterNodes.StartAsync(count: 2, name: "bench-durable", config: _database.Config,
            options: new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() });
        _echo = EchoRegion.Start(_memory);
        _echoId = await _echo.EntityHostedOnAsync(1);
        _memoryLock = _memory.Primitives(0).Lock(await _memory.NameHostedOnAsync("lock", PrimitiveEntityIds.Lock, host: 1));
        _durableLock = _durable.Primitives(0).Lock(await _durable.NameHostedOnAsync("lock", PrimitiveEntityIds.Lock, host: 1));
        (await _durableLock.LockAsync()).Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Task.WhenAll(_memory.DisposeAsync().AsTask(), _durable.DisposeAsync().AsTask()).GetAwaiter().GetResult();
        _database.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles, Description = "cross-node Ask to an echo entity")]
    public async Task EchoAsk()
    {
        for (var i = 0; i < Cycles; i++) await _echo.AskAsync(0, _echoId);
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "cross-node lock in memory: LockAsync + dispose")]
    public Task InMemory() => CyclesAsync(_memoryLock);

    [Benchmark(OperationsPerInvoke = Cycles, Description = "cross-node lock journaled to SQLite: LockAsync + dispose")]
    public Task Persisted() => CyclesAsync(_durableLock);

    private static async Task CyclesAsync(ActorLock facade)
    {
        for (var i = 0; i < Cycles; i++) (await facade.LockAsync()).Dispose();
    }
}
