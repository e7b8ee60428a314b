using Actors.Cluster;
using Actors.Cluster.Tests.Support;
using Actors.Lock;
using Actors.Owners;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Throughput of cluster locks over three nodes in this process (in memory, no journal): 48 owners, one per lock, each
/// on node <c>i % 3</c> with its lock wherever sharding put it (two in three cross-node), against 48 callers of as many
/// echo entities placed the same way; and 16 owners spread over the nodes contending for one lock.
/// </summary>
[MemoryDiagnoser]
public class ClusterThroughputBenchmarks
{
    private const int Nodes = 3;
    private const int DistinctLocks = 48;
    private const int ContendingOwners = 16;
    private const int Cycles = 50;
    private ClusterNodes _nodes = null!;
    private EchoRegion _echo = null!;
    private ActorLock[] _distinct = null!;
    private ActorLock[] _contending = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _nodes = await ClusterNodes.StartAsync(count: Nodes, name: "bench-throughput");
        _echo = EchoRegion.Start(_nodes);
        _distinct = Enumerable.Range(0, DistinctLocks)
            .Select(i => _nodes.Primitives(i % Nodes).Lock($"distinct-{i}", ActorOwner.Create(_nodes.Systems[i % Nodes], $"distinct-owner-{i}").Ref))
            .ToArray();
        _contending = Enumerable.Range(0, ContendingOwners)
            .Select(i => _nodes.Primitives(i % Nodes).Lock("contended", ActorOwner.Create(_nodes.Systems[i % Nodes], $"contending-owner-{i}").Ref))
            .ToArray();
        // Create every entity (and watch every owner) before measuring.
        await Task.WhenAll(_distinct.Concat(_contending).Select(async facade => (await facade.LockAsync()).Dispose()));
        await Task.WhenAll(Enumerable.Range(0, DistinctLocks).Select(i => _echo.AskAsync(i % Nodes, $"echo-{i}")));
    }

    [GlobalCleanup]
    public void Cleanup() => _nodes.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = DistinctLocks * Cycles, Description = "48 callers over 3 nodes, Ask to 48 echo entities")]
    public Task EchoAsks() => Task.WhenAll(Enumerable.Range(0, DistinctLocks).Select(async i =>
    {
        for (var cycle = 0; cycle < Cycles; cycle++) await _echo.AskAsync(i % Nodes, $"echo-{i}");
    }));

    [Benchmark(OperationsPerInvoke = DistinctLocks * Cycles, Description = "48 owners over 3 nodes, uncontended on 48 locks: LockAsync + dispose")]
    public Task Uncontended() => CyclesAsync(_distinct);

    [Benchmark(OperationsPerInvoke = ContendingOwners * Cycles, Description = "16 owners over 3 nodes contending for one lock: LockAsync + dispose")]
    public Task Contended() => CyclesAsync(_contending);

    private static Task CyclesAsync(IEnumerable<ActorLock> facades) => Task.WhenAll(facades.Select(async facade =>
    {
        for (var cycle = 0; cycle < Cycles; cycle++) (await facade.LockAsync()).Dispose();
    }));
}
