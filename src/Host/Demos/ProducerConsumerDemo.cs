using Actors.Queue;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 19 (队列 生产者-消费者): a writer and a reader share a bounded queue, <c>Queue(32)</c>, whose state lives in
/// a queue coordinator actor. The writer puts an item, then sleeps 1-3 s; the reader takes one, then sleeps 2-5 s; both
/// loop the same random number of times (2-5), and every item produced is consumed.
/// </summary>
/// <remarks>
/// The tutorial's code has typos (<c>frome quene import Quene</c>, <c>func[i]</c>); the demo does what it means:
/// <c>from queue import Queue</c> and <c>funcs[i]</c>. Its <c>MyThread</c> becomes a task that prints the same start and
/// finish lines. As with <c>qsize()</c>, a printed size is the queue's size at the moment the coordinator answered; a
/// reader already waiting in <c>get</c> receives the item as the put arrives, so the writer often sees "size now 0".
/// </remarks>
internal sealed class ProducerConsumerDemo : IDemo
{
    public int Number => 19;

    public string Name => "producer-consumer";

    public string Title => "a writer and a reader share a bounded Queue(32): every item produced is consumed";

    public async Task RunAsync(DemoContext context)
    {
        var nloops = Random.Shared.Next(2, 6);
        var q = ActorQueue<string>.Create(context.System, maxSize: 32, name: "q");

        var threads = new[]
        {
            MyThread(context, "writer", () => Writer(context, q, nloops)),
            MyThread(context, "reader", () => Reader(context, q, nloops)),
        };
        var produced = await threads[0];
        var consumed = await threads[1];

        context.WriteLine("All done");
        context.WriteLine($"loops: {nloops}, produced: {produced}, consumed: {consumed}, left in the queue: {await q.CountAsync()}");
    }

    /// <summary>The tutorial's <c>MyThread</c>: runs <paramref name="func"/> concurrently, saying when it starts and finishes.</summary>
    private static Task<int> MyThread(DemoContext context, string name, Func<Task<int>> func) => Task.Run(async () =>
    {
        context.WriteLine($"starting {name} at: {DateTime.Now:HH:mm:ss.fff}");
        var res = await func();
        context.WriteLine($"{name} finished at: {DateTime.Now:HH:mm:ss.fff}");
        return res;
    });

    private static async Task<int> Writer(DemoContext context, ActorQueue<string> queue, int loops)
    {
        for (var i = 0; i < loops; i++)
        {
            // writeQ: put blocks (here: waits) while the queue is full.
            context.WriteLine("producing object for Q...");
            await queue.PutAsync("xxx", context.Cancellation);
            context.WriteLine($"size now {await queue.CountAsync()}");
            await context.SleepAsync(Random.Shared.Next(1, 4));
        }

        return loops;
    }

    private static async Task<int> Reader(DemoContext context, ActorQueue<string> queue, int loops)
    {
        for (var i = 0; i < loops; i++)
        {
            // readQ: get waits until there is an item.
            await queue.GetAsync(context.Cancellation);
            context.WriteLine($"consumed object from Q... size now {await queue.CountAsync()}");
            await context.SleepAsync(Random.Shared.Next(2, 6));
        }

        return loops;
    }
}
