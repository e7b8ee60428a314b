using System.Threading.Channels;
using Actors.Queue;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Queue 1 producer / 1 consumer through the facade (one item or a batch per message), by Tell from an actor, and
/// through a bounded Channel.
/// </summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private const int Items = 1_000;
    private const int Batch = 32;
    private ActorSystem _system = null!;
    private ActorQueue<int> _queue = null!;
    private IActorRef _driver = null!;
    private int[][] _batches = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("queue");
        _queue = ActorQueue<int>.Create(_system, 100);
        _driver = _system.ActorOf(Props.Create<CycleDriver>());
        _batches = Enumerable.Range(0, Items).Chunk(Batch).ToArray();
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

    [Benchmark(OperationsPerInvoke = Items, Description = "facade PutManyAsync/GetManyAsync, 1 producer 1 consumer, batches of 32")]
    public async Task FacadeBatched1P1C()
    {
        var consumer = Task.Run(async () =>
        {
            for (var got = 0; got < Items;) got += (await _queue.GetManyAsync(Batch)).Count;
        });
        foreach (var batch in _batches) await _queue.PutManyAsync(batch);
        await consumer;
    }

    [Benchmark(OperationsPerInvoke = Items, Description = "facade PutManyAsync, ReadAllAsync consumer, batches of 32")]
    public async Task FacadeReadAll1P1C()
    {
        var consumer = Task.Run(async () =>
        {
            var got = 0;
            await foreach (var _ in _queue.ReadAllAsync(Batch))
                if (++got == Items) break;
        });
        foreach (var batch in _batches) await _queue.PutManyAsync(batch);
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
