using Actors.Lock;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// A coordinator's own cost per message, without waiting on anyone: bursts of requests told back to back, replies to a
/// sink, one state query at the end. What a contended cycle costs beyond this is scheduling: waking the actors the
/// replies go to.
/// </summary>
[MemoryDiagnoser]
public class CoordinatorThroughputBenchmarks
{
    private const int Cycles = 10_000;
    private const int Owners = 64;
    private ActorSystem _system = null!;
    private IActorRef _lock = null!;
    private IActorRef _sink = null!;
    private IActorRef[] _owners = null!;
    private long _nextId;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("throughput");
        _lock = _system.ActorOf(ActorLock.Props());
        _sink = _system.ActorOf(Props.Create<Sink>());
        _owners = Enumerable.Range(0, Owners).Select(_ => _system.ActorOf(Props.Create<Sink>())).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "Lock: acquire + release told back to back, nobody waiting")]
    public Task UncontendedBurst() => Burst(_ => ActorRefs.Nobody, waiting: -1);

    [Benchmark(OperationsPerInvoke = Cycles, Description = "Lock: 64 owner actors queued, each release hands over to the next")]
    public Task HandoverBurst() => Burst(i => _owners[i % Owners], waiting: Owners);

    /// <summary>
    /// With the lock held and <paramref name="waiting"/> owners queued first (-1: the lock free), sends
    /// <see cref="Cycles"/> pairs of (an acquire, a release that grants the head or frees the lock), then waits for the
    /// lock to be free again.
    /// </summary>
    private async Task Burst(Func<int, IActorRef> owner, int waiting)
    {
        if (waiting >= 0) _lock.Tell(new LockProtocol.Acquire(Interlocked.Increment(ref _nextId), ActorRefs.Nobody), _sink);
        for (var i = 0; i < waiting; i++) _lock.Tell(new LockProtocol.Acquire(Interlocked.Increment(ref _nextId), owner(i)), _sink);
        for (var i = 0; i < Cycles; i++)
        {
            _lock.Tell(new LockProtocol.Acquire(Interlocked.Increment(ref _nextId), owner(i)), _sink);
            _lock.Tell(new LockProtocol.Release(Interlocked.Increment(ref _nextId)), _sink);
        }

        for (var i = 0; i <= waiting; i++) _lock.Tell(new LockProtocol.Release(Interlocked.Increment(ref _nextId)), _sink);
        var state = await _lock.Ask<LockProtocol.LockState>(new LockProtocol.GetState(0), TimeSpan.FromMinutes(1));
        if (state.Locked || state.Waiting != 0) throw new InvalidOperationException($"left locked={state.Locked}, waiting={state.Waiting}");
    }
}
