using Actors.Owners;
using Actors.Semaphore;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>Semaphore: facade cycle, actor-native Tell cycle, 64 owners contending for 4 permits; SemaphoreSlim as the peer.</summary>
[MemoryDiagnoser]
public class SemaphoreBenchmarks
{
    private const int Cycles = 1_000;
    private const int Owners = 64;
    private const int CyclesPerOwner = 20;
    private ActorSystem _system = null!;
    private ActorSemaphore _semaphore = null!;
    private ActorSemaphore _contended = null!;
    private ActorSemaphore[] _owned = null!;
    private IActorRef _driver = null!;
    private IActorRef[] _ownerDrivers = null!;
    private readonly SemaphoreSlim _slim = new(4, 4);

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("semaphore");
        _semaphore = ActorSemaphore.CreateBounded(_system, 4);
        _contended = ActorSemaphore.CreateBounded(_system, 4);
        _owned = Enumerable.Range(0, Owners).Select(_ => _contended.WithOwner(ActorOwner.Create(_system).Ref)).ToArray();
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
            await _semaphore.AcquireAsync();
            await _semaphore.ReleaseAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "actor-native Tell acquire+release")]
    public Task NativeTellCycle() => CycleDriver.RunAsync(_driver, _semaphore.Coordinator, Cycle(Cycles));

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "facade, 64 owners on 4 permits")]
    public Task FacadeContended64() => Task.WhenAll(_owned.Select(s => Task.Run(async () =>
    {
        for (var i = 0; i < CyclesPerOwner; i++)
        {
            await s.AcquireAsync();
            await s.ReleaseAsync();
        }
    })));

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "actor-native, 64 owner actors on 4 permits by Tell")]
    public Task NativeContended64() => CycleDriver.RunEachAsync(_ownerDrivers, _contended.Coordinator, () => Cycle(CyclesPerOwner));

    /// <summary>Acquire, release, <paramref name="cycles"/> times, for the driving actor as the owner.</summary>
    private static Func<IActorRef, object?, object?> Cycle(int cycles)
    {
        var left = cycles;
        long id = 0;
        return (self, reply) => reply switch
        {
            null or SemaphoreProtocol.Released when left-- > 0 => new SemaphoreProtocol.Acquire(++id, self),
            SemaphoreProtocol.Acquired => new SemaphoreProtocol.Release(++id, self),
            _ => null,
        };
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "peer: SemaphoreSlim WaitAsync+Release")]
    public async Task SlimUncontended()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await _slim.WaitAsync();
            _slim.Release();
        }
    }

    [Benchmark(OperationsPerInvoke = Owners * CyclesPerOwner, Description = "peer: SemaphoreSlim, 64 tasks on 4 permits")]
    public Task SlimContended64() => Task.WhenAll(Enumerable.Range(0, Owners).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < CyclesPerOwner; i++)
        {
            await _slim.WaitAsync();
            _slim.Release();
        }
    })));
}

/// <summary>
/// Scale: cost of operations on a semaphore with 10, 1,000 or 100,000 timed waiters queued (they time out only after the
/// run), and the memory the waiters hold, printed by the setup as bytes per waiter (caller's task + coordinator's entry).
/// </summary>
[MemoryDiagnoser]
public class SemaphoreScaleBenchmarks
{
    private const int Cycles = 200;
    private ActorSystem _system = null!;
    private ActorSemaphore _semaphore = null!;
    private List<Task<bool>> _waiters = null!;

    [Params(10, 1_000, 100_000)]
    public int Waiters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("scale");
        _semaphore = ActorSemaphore.Create(_system, 0);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _waiters = Enumerable.Range(0, Waiters).Select(_ => _semaphore.TryAcquireAsync(TimeSpan.FromHours(1))).ToList();
        // Every acquire above was enqueued before this state query, and the coordinator handles its mailbox in order,
        // so the answer comes after all of them are queued.
        var waiting = _semaphore.GetStateAsync().GetAwaiter().GetResult().Waiting;
        if (waiting != Waiters) throw new InvalidOperationException($"{waiting} of {Waiters} waiters queued");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// memory per queued timed waiter with {Waiters} waiters: {(after - before) / (double)Waiters:0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "non-blocking TryAcquire (fails: waiters come first)")]
    public async Task TryAcquireBehindWaiters()
    {
        for (var i = 0; i < Cycles; i++) await _semaphore.TryAcquireAsync();
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "release to the first waiter + a new timed waiter at the back")]
    public async Task ReleaseAndRequeue()
    {
        for (var i = 0; i < Cycles; i++)
        {
            await _semaphore.ReleaseAsync();
            _waiters.Add(_semaphore.TryAcquireAsync(TimeSpan.FromHours(1)));
        }
    }
}
