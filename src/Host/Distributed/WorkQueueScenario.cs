using System.Diagnostics;
using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// Producers put numbered items into one work queue, consumers take them; once every producer is done, one end marker
/// per consumer follows. Checked: every item taken exactly once.
/// </summary>
internal sealed class WorkQueueScenario : IDistributedScenario
{
    private const long EndMarker = -1;

    public string Name => "queue";
    public string Title => "a work queue: producers put numbered items, consumers take them";
    public string Unit => "item";
    public string LatencyMeaning => "an item's time in the queue, from the put's start to its take";

    public async Task<RunOutcome> RunAsync(IDistributedWay way, DistributedSizes sizes, string run, CancellationToken cancellation)
    {
        var (items, producers, consumers) = (sizes.QueueItems, sizes.QueueProducers, sizes.QueueConsumers);
        var name = $"{run}-{Name}";
        var putAt = new long[items];
        var taken = new int[items];
        var strays = 0;
        var recorders = Enumerable.Range(0, consumers).Select(_ => new LatencyRecorder(items)).ToArray();
        var first = way.Queue(name, 0);
        await first.PutAsync(EndMarker, cancellation); // the queue is created before the clock starts
        await first.TakeAsync(cancellation);
        var clock = Stopwatch.StartNew();
        var consuming = Enumerable.Range(0, consumers).Select(consumer => Task.Run(async () =>
        {
            var queue = way.Queue(name, producers + consumer);
            while (await queue.TakeAsync(cancellation) is var item && item != EndMarker)
            {
                if (item < 0 || item >= items)
                {
                    Interlocked.Increment(ref strays);
                    continue;
                }
                recorders[consumer].AddTicks(Stopwatch.GetTimestamp() - Volatile.Read(ref putAt[item]));
                Interlocked.Increment(ref taken[item]);
            }
        }, cancellation)).ToList();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(producer => Task.Run(async () =>
        {
            var queue = way.Queue(name, producer);
            for (long item = producer; item < items; item += producers)
            {
                Volatile.Write(ref putAt[item], Stopwatch.GetTimestamp());
                await queue.PutAsync(item, cancellation);
            }
        }, cancellation)));
        var ending = way.Queue(name, 0);
        for (var i = 0; i < consumers; i++) await ending.PutAsync(EndMarker, cancellation);
        await Task.WhenAll(consuming);
        var elapsed = clock.Elapsed;
        var once = taken.Count(t => t == 1);
        var twice = taken.Count(t => t > 1);
        var lost = taken.Count(t => t == 0);
        return new RunOutcome(items, elapsed, once == items && strays == 0,
            $"{once} of {items} items taken once, {twice} more than once, {lost} never, {strays} unknown", LatencyRecorder.Merge(recorders));
    }
}
