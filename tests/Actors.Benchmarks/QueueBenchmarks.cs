using System.Threading.Channels;
using Actors.Queue;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>Queue 1 producer / 1 consumer through the facade, by Tell from an actor, and through a bounded Channel.</summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private const int Items = 1_000;
    private ActorSystem _system = null!;
    private ActorQueue<int> _queue = null!;
    private IActorRef _driver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("queue");
        _queue = ActorQueue<int>.Create(_system, 100);
        _driver = _system.ActorOf(Props.Create<CycleDriver>());
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Items, Description = "facade put/get, 1 producer 1 consumer")]
    public async Task Facade1P1C()
    {
        var consumer = Task.Run(async () =>
        {
            for (var i = 0; i < Items; i++) await _queue.GetAsync();
        });
        for (var i = 0; i < Items; i++) await _queue.PutAsync(i);
        await consumer;
    }

    [Benchmark(OperationsPerInvoke = Items, Description = "actor-native Tell put+get cycle")]
    public Task NativeTellCycle()
    {
        var left = Items;
        long id = 0;
        return CycleDriver.RunAsync(_driver, _queue.Coordinator, (self, reply) => reply switch
        {
            null or QueueProtocol.Got when left-- > 0 => new QueueProtocol.Put(++id, self, left),
            QueueProtocol.PutDone => new QueueProtocol.Get(++id, self),
            _ => null,
        });
    }

    [Benchmark(OperationsPerInvoke = Items, Description = "peer: bounded Channel, 1 producer 1 consumer")]
    public async Task Channel1P1C()
    {
        var channel = Channel.CreateBounded<int>(100);
        var consumer = Task.Run(async () =>
        {
            for (var i = 0; i < Items; i++) await channel.Reader.ReadAsync();
        });
        for (var i = 0; i < Items; i++) await channel.Writer.WriteAsync(i);
        await consumer;
    }
}
