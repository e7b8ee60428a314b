using Actors.Semaphore;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// The scale benchmark without the caller's side: 10, 1,000 or 100,000 timed waiters queued by Tell from one actor that
/// ignores the replies (no pending calls in the process), and the operations sent by Tell from another actor. What is
/// left is the coordinator's own cost of a queue of that length.
/// </summary>
[MemoryDiagnoser]
public class SemaphoreScaleNativeBenchmarks
{
    private const int Cycles = 200;
    private ActorSystem _system = null!;
    private IActorRef _semaphore = null!;
    private IActorRef _sink = null!;
    private IActorRef _driver = null!;
    private long _nextId;

    [Params(10, 1_000, 100_000)]
    public int Waiters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("scale-native");
        _semaphore = _system.ActorOf(ActorSemaphore.Props(0));
        _sink = _system.ActorOf(Props.Create<Sink>());
        _driver = _system.ActorOf(Props.Create<CycleDriver>());
        for (var i = 0; i < Waiters; i++) _semaphore.Tell(new SemaphoreProtocol.Acquire(++_nextId, ActorRefs.Nobody, TimeSpan.FromHours(1)), _sink);
        var state = _semaphore.Ask<SemaphoreProtocol.SemaphoreState>(new SemaphoreProtocol.GetState(0), TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        if (state.Waiting != Waiters) throw new InvalidOperationException($"{state.Waiting} of {Waiters} waiters queued");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "by Tell: non-blocking Acquire (fails: waiters come first)")]
    public Task TryAcquireBehindWaiters()
    {
        var left = Cycles;
        return CycleDriver.RunAsync(_driver, _semaphore, (_, _) =>
            left-- > 0 ? new SemaphoreProtocol.Acquire(Interlocked.Increment(ref _nextId), ActorRefs.Nobody, TimeSpan.Zero) : null);
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "by Tell: release to the first waiter + a new timed waiter at the back")]
    public Task ReleaseAndRequeue()
    {
        var left = Cycles;
        return CycleDriver.RunAsync(_driver, _semaphore, (_, _) =>
        {
            if (left-- <= 0) return null;
            // The new waiter goes in first (its replies go to the sink); the release's answer then closes the cycle.
            _semaphore.Tell(new SemaphoreProtocol.Acquire(Interlocked.Increment(ref _nextId), ActorRefs.Nobody, TimeSpan.FromHours(1)), _sink);
            return new SemaphoreProtocol.Release(Interlocked.Increment(ref _nextId), ActorRefs.Nobody);
        });
    }
}
