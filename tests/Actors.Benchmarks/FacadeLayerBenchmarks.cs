using Actors.Internal;
using Actors.Lock;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>Where a facade call's time goes: the lock's LockAsync cycle built up one layer at a time.</summary>
[MemoryDiagnoser]
public class FacadeLayerBenchmarks
{
    private const int Cycles = 1_000;
    private ActorSystem _system = null!;
    private ActorLock _lock = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("layers");
        _lock = ActorLock.Create(_system);
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "1. promise acquire + Tell release")]
    public async Task Promise()
    {
        for (var i = 0; i < Cycles; i++)
        {
            var acquired = (LockProtocol.Acquired)await ReplyPromise.TrySend(_lock.Coordinator, new LockProtocol.Acquire(i, ActorRefs.Nobody))!;
            _lock.Coordinator.Tell(new LockProtocol.Release(i, acquired.FencingToken), ActorRefs.NoSender);
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "1b. promise in two async layers + Tell release")]
    public async Task PromiseLayered()
    {
        for (var i = 0; i < Cycles; i++)
        {
            var acquired = (LockProtocol.Acquired)await Outer(_lock.Coordinator, new LockProtocol.Acquire(i, ActorRefs.Nobody));
            _lock.Coordinator.Tell(new LockProtocol.Release(i, acquired.FencingToken), ActorRefs.NoSender);
        }
    }

    private static async Task<object> Outer(IActorRef to, object message) => await Inner(to, message).ConfigureAwait(false);

    private static async Task<object> Inner(IActorRef to, object message) => await ReplyPromise.TrySend(to, message)!.ConfigureAwait(false);

    [Benchmark(OperationsPerInvoke = Cycles, Description = "2. WaitForGrantAsync + Tell release")]
    public async Task WaitForGrant()
    {
        for (var i = 0; i < Cycles; i++)
        {
            var acquired = await CoordinatorClient.WaitForGrantAsync<LockProtocol.IAcquireReply, LockProtocol.Acquired>(_lock.Coordinator,
                new LockProtocol.Acquire(i, ActorRefs.Nobody), giveBack: null, CancellationToken.None);
            _lock.Coordinator.Tell(new LockProtocol.Release(i, acquired!.FencingToken), ActorRefs.NoSender);
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "3. LockAsync + dispose")]
    public async Task Lease()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await using (await _lock.LockAsync())
            {
            }
        }
    }
}
