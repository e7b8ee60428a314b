using Actors.Lock;
using Actors.Queue;
using Actors.Semaphore;
using Akka.Actor;

namespace Actors.Benchmarks;

/// <summary>
/// Memory of many idle named primitives: how much a coordinator that nobody uses costs, per primitive. A figure of
/// bytes, not of time, so it is measured directly rather than by BenchmarkDotNet: <c>-- memory [count]</c>.
/// </summary>
internal static class IdlePrimitivesMemory
{
    public static async Task RunAsync(int count)
    {
        foreach (var (kind, props) in new (string, Func<Props>)[]
                 {
                     ("Lock", ActorLock.Props),
                     ("Semaphore(3)", () => ActorSemaphore.Props(3)),
                     ("Queue<int>(32)", () => ActorQueue<int>.Props(32)),
                 })
        {
            var system = Systems.Create("idle-memory");
            var before = await SettledMemoryAsync();
            var coordinators = new IActorRef[count];
            for (var i = 0; i < count; i++) coordinators[i] = system.ActorOf(props(), $"p{i}");
            // Every coordinator answers Akka's Identify, so all of them have started before memory is read.
            await Task.WhenAll(coordinators.Select((c, i) => c.Ask<ActorIdentity>(new Identify(i), TimeSpan.FromMinutes(5))));
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"{count:N0} idle {kind} coordinators: {(after - before) / (1024.0 * 1024):N0} MiB, {(after - before) / (double)count:N0} bytes each");
            GC.KeepAlive(coordinators);
            await system.Terminate();
        }

        await MeasureQueuedWaitersAsync(100_000);
    }

    /// <summary>
    /// The coordinator's own memory per queued timed waiter: the requests are told (no pending Ask on the caller's side)
    /// by one sink actor that ignores the replies, so only the coordinator's bookkeeping grows.
    /// </summary>
    private static async Task MeasureQueuedWaitersAsync(int waiters)
    {
        var system = Systems.Create("waiter-memory");
        var semaphore = system.ActorOf(ActorSemaphore.Props(0));
        var sink = system.ActorOf(Props.Create(() => new Sink()));
        await semaphore.Ask<ActorIdentity>(new Identify(0), TimeSpan.FromMinutes(1));
        var before = await SettledMemoryAsync();
        for (var i = 1; i <= waiters; i++) semaphore.Tell(new SemaphoreProtocol.Acquire(i, ActorRefs.Nobody, TimeSpan.FromHours(1)), sink);
        var state = await semaphore.Ask<SemaphoreProtocol.SemaphoreState>(new SemaphoreProtocol.GetState(0), TimeSpan.FromMinutes(5));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{state.Waiting:N0} queued timed waiters on one semaphore: {(after - before) / (double)waiters:N0} bytes each in the coordinator");
        await system.Terminate();
    }

    /// <summary>
    /// The managed heap once the previous measurement's actor system has let go of its actors: a million actors keep
    /// stopping after <c>Terminate</c> returns, and memory freed during the next measurement would be subtracted from it.
    /// </summary>
    internal static async Task<long> SettledMemoryAsync()
    {
        var current = GC.GetTotalMemory(forceFullCollection: true);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var next = GC.GetTotalMemory(forceFullCollection: true);
            if (current - next < current / 100) return next;
            current = next;
        }
    }
}
