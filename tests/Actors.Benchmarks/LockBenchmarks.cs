using Actors.Lock;
using Actors.Owners;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Lock: uncontended facade cycle (acquire + release, two request/reply round trips), actor-native Tell cycle (Acquire/Acquired/Release/Released
/// from an actor), 64 owners contending; with <c>lock</c> and <c>SemaphoreSlim(1)</c> as the shared-memory peers.
/// </summary>
[MemoryDiagnoser]
public class LockBenchmarks
{
    private const int Cycles = 1_000;
    private const int Owners = 64;
    private const int CyclesPerOwner = 20;
    private ActorSystem _system = null!;
    private ActorLock _lock = null!;
    private ActorLock[] _ownedLocks = null!;
    private IActorRef _driver = null!;
    private IActorRef[] _ownerDrivers = null!;
    private readonly object _monitor = new();
    private readonly SemaphoreSlim _slim = new(1, 1);

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("lock");
        _lock = ActorLock.Create(_system);
        _ownedLocks = Enumerable.Range(0, Owners).Select(_ => _lock.WithOwner(ActorOwner.Create(_system).Ref)).ToArray();
        _driver = _system.ActorOf(Props.Create<CycleDriver>());
        _ownerDrivers = Enumerable.Range(0, Owners).Select(_ => _system.ActorOf(Props.Create<CycleDriver>())).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "facade acquire+release, uncontended")]
    public async Task FacadeUncontended()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await _lock.AcquireAsync();
            await _lock.ReleaseAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "facade LockAsync + dispose (one round trip, one Tell)")]
    public async Task FacadeLease()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await using (await _lock.LockAsync())
            {
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "actor-native Tell acquire+release")]
    public Task NativeTellCycle() => CycleDriver.RunAsync(_driver, _lock.Coordinator, Cycle(Cycles));

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "facade, 64 owners contending")]
    public Task FacadeContended64() => Task.WhenAll(_ownedLocks.Select(l => Task.Run(async () =>
    {
        for (var i = 0; i < CyclesPerOwner; i++)
        {
            await l.AcquireAsync();
            await l.ReleaseAsync();
        }
    })));

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "actor-native, 64 owner actors contending by Tell")]
    public Task NativeContended64() => CycleDriver.RunEachAsync(_ownerDrivers, _lock.Coordinator, () => Cycle(CyclesPerOwner));

    /// <summary>Acquire, release, <paramref name="cycles"/> times, for the driving actor as the owner.</summary>
    private static Func<IActorRef, object?, object?> Cycle(int cycles)
    {
        var left = cycles;
        long id = 0;
        return (self, reply) => reply switch
        {
            null or LockProtocol.Released when left-- > 0 => new LockProtocol.Acquire(++id, self),
            LockProtocol.Acquired => new LockProtocol.Release(++id),
            _ => null,
        };
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "peer: lock(){} uncontended")]
    public int MonitorUncontended()
    {
        var n = 0;
        for (var i = 0; i < Cycles; i++) lock (_monitor) n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "peer: SemaphoreSlim(1) WaitAsync+Release")]
    public async Task SlimUncontended()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await _slim.WaitAsync();
            _slim.Release();
        }
    }

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "peer: SemaphoreSlim(1), 64 tasks contending")]
    public Task SlimContended64() => Task.WhenAll(Enumerable.Range(0, Owners).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < CyclesPerOwner; i++)
        {
            await _slim.WaitAsync();
            _slim.Release();
        }
    })));
}
