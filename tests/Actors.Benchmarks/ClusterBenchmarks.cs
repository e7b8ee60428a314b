using Actors.Cluster;
using Actors.Cluster.Tests.Support;
using Actors.Lock;
using Akka.Actor;
using Akka.Cluster.Sharding;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Cross-node cost of a cluster lock: two nodes in this process, the lock's entity on the second, every call made
/// from the first. The floor is a raw cross-node <c>Ask</c> to an echo entity of a shard region with the same settings.
/// </summary>
[MemoryDiagnoser]
public class ClusterBenchmarks
{
    private const int Cycles = 200;
    private ClusterNodes _nodes = null!;
    private IActorRef _echoRegion = null!;
    private string _echoId = null!;
    private ActorLock _lock = null!;
    private ActorLock[] _owners = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _nodes = await ClusterNodes.StartAsync(count: 2, name: "bench");
        var echo = EchoRegion.Start(_nodes);
        _echoRegion = echo.On(0);
        _echoId = await echo.EntityHostedOnAsync(1);
        var name = await _nodes.NameHostedOnAsync("bench-lock", PrimitiveEntityIds.Lock, host: 1);
        _lock = _nodes.Primitives(0).Lock(name);
        _owners = Enumerable.Range(0, 16).Select(i => _nodes.Primitives(i % 2).Lock(name)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _nodes.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles, Description = "cross-node Ask to an echo entity")]
    public async Task EchoAsk()
    {
        for (var i = 0; i < Cycles; i++) await _echoRegion.Ask<object>(new ShardingEnvelope(_echoId, "ping"), TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The local facades' cheaper reply path (a one-shot reply reference instead of Ask) sent through the region: its
    /// path is registered when the remote side serialises it, so a reply from another node finds it.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Cycles, Description = "cross-node reply promise to an echo entity")]
    public async Task EchoPromise()
    {
        for (var i = 0; i < Cycles; i++) await Actors.Internal.ReplyPromise.TrySend(_echoRegion, new ShardingEnvelope(_echoId, "ping"))!;
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "cross-node lock: LockAsync + dispose (release told)")]
    public async Task LockWith()
    {
        for (var i = 0; i < Cycles; i++) (await _lock.LockAsync()).Dispose();
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "cross-node lock: AcquireAsync + ReleaseAsync (two round trips)")]
    public async Task AcquireRelease()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await _lock.AcquireAsync();
            await _lock.ReleaseAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles * 16, Description = "contended lock: 16 owners over 2 nodes, LockAsync + dispose")]
    public Task Contended() => Task.WhenAll(_owners.Select(async facade =>
    {
        for (var i = 0; i < Cycles; i++) (await facade.LockAsync()).Dispose();
    }));
}
