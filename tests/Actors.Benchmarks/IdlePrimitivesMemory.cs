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
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var coordinators = new IActorRef[count];
            for (var i = 0; i < count; i++) coordinators[i] = system.ActorOf(props(), $"p{i}");
            // Every coordinator answers Akka's Identify, so all of them have started before memory is read.
            await Task.WhenAll(coordinators.Select((c, i) => c.Ask<ActorIdentity>(new Identify(i), TimeSpan.FromMinutes(5))));
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"{count:N0} idle {kind} coordinators: {(after - before) / (1024.0 * 1024):N0} MiB, {(after - before) / (double)count:N0} bytes each");
            GC.KeepAlive(coordinators);
            await system.Terminate();
        }
    }
}
