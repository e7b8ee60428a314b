using Actors.Queue;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>
/// Producers and consumers on one queue, consumers giving up at random (timeouts, cancellations racing the items).
/// Every item put must be got exactly once, and join must wait for the very last task_done. The batch storm mixes
/// batch and single-item producers and consumers, all giving up at random.
/// </summary>
public sealed class QueueStormTests : CoordinatorTestKit
{
    private const int Producers = 4;
    private const int Consumers = 4;
    private const int ItemsPerProducer = 25_000;
    private const int Total = Producers * ItemsPerProducer;

    private readonly ITestOutputHelper _output;

    public QueueStormTests(ITestOutputHelper output) : base(output) => _output = output;

    public static TheoryData<string> Kinds => new() { "fifo", "lifo", "priority" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Queue_ConsumersTimeOutAndCancelAtRandom_EveryItemGotExactlyOnceAndJoinWaitsForLastTaskDone(string kind)
    {
        var queue = kind switch
        {
            "fifo" => ActorQueue<int>.Create(Sys, maxSize: 64),
            "lifo" => ActorQueue<int>.CreateLifo(Sys, maxSize: 64),
            _ => ActorQueue<int>.CreatePriority(Sys, maxSize: 64),
        };
        var got = new int[Total];
        var gotCount = 0;
        var heldBackTaskDone = 0;
        long timeouts = 0, cancellations = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < ItemsPerProducer; i++) await queue.PutAsync(p * ItemsPerProducer + i);
        })).ToList();

        var consumers = Enumerable.Range(0, Consumers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            await start.Task;
            while (Volatile.Read(ref gotCount) < Total)
            {
                using var cancellation = new CancellationTokenSource();
                var timeout = TimeSpan.FromMilliseconds(random.Next(0, 4));
                if (random.Next(3) == 0)
                {
                    timeout = Timeout.InfiniteTimeSpan;
                    cancellation.CancelAfter(random.Next(0, 4));
                }

                try
                {
                    var item = await queue.GetAsync(timeout, cancellation.Token);
                    Interlocked.Increment(ref got[item]);
                    if (Interlocked.Increment(ref gotCount) == Total) Volatile.Write(ref heldBackTaskDone, 1);
                    else await queue.TaskDoneAsync();
                }
                catch (QueueEmptyException)
                {
                    Interlocked.Increment(ref timeouts);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancellations);
                }
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromMinutes(3));
        var join = queue.JoinAsync();
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromMinutes(3));
        _output.WriteLine($"{kind}: {Total} items, {timeouts} get timeouts, {cancellations} get cancellations");

        Assert.All(got, count => Assert.Equal(1, count));
        Assert.Equal(1, heldBackTaskDone);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await queue.GetStateAsync()).Unfinished), Patience);
        Assert.False(join.IsCompleted);
        Assert.Equal(0, await queue.TaskDoneAsync());
        await join.WaitAsync(Patience);
        var state = await queue.GetStateAsync();
        Assert.Equal((0, 0, 0, 0), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
    }

    private const int BatchStormItemsPerProducer = 25_000;
    private const int BatchStormTotal = Producers * BatchStormItemsPerProducer;

    /// <summary>
    /// Producers put batches of 1 to 48 items or single items, consumers take batches of 1 to 40, single items, or read
    /// with <c>ReadAllAsync</c> and stop at a random item; every request may time out or be cancelled (a failed put is
    /// tried again). Every item must be got exactly once and the queue must end empty, with every task done and
    /// nobody left waiting.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Queue_BatchAndSingleProducersAndConsumersGiveUpAtRandom_EveryItemGotExactlyOnceAndNothingLeaks(string kind)
    {
        var queue = kind switch
        {
            "fifo" => ActorQueue<int>.Create(Sys, maxSize: 64),
            "lifo" => ActorQueue<int>.CreateLifo(Sys, maxSize: 64),
            _ => ActorQueue<int>.CreatePriority(Sys, maxSize: 64),
        };
        var got = new int[BatchStormTotal];
        var gotCount = 0;
        long putsGivenUp = 0, getsGivenUp = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            var random = new Random(100 + p);
            await start.Task;
            var next = p * BatchStormItemsPerProducer;
            var end = next + BatchStormItemsPerProducer;
            while (next < end)
            {
                var size = random.Next(4) == 0 ? 1 : Math.Min(random.Next(1, 49), end - next);
                var (timeout, cancellation) = RandomPatience(random);
                try
                {
                    if (size == 1) await queue.PutAsync(next, timeout, cancellation.Token);
                    else await queue.PutManyAsync(Enumerable.Range(next, size), timeout, cancellation.Token);
                    next += size;
                }
                catch (Exception error) when (error is QueueFullException or OperationCanceledException)
                {
                    Interlocked.Increment(ref putsGivenUp);
                }
                finally
                {
                    cancellation.Dispose();
                }
            }
        })).ToList();

        void Record(IReadOnlyCollection<int> items)
        {
            foreach (var item in items) Interlocked.Increment(ref got[item]);
            Interlocked.Add(ref gotCount, items.Count);
        }

        var consumers = Enumerable.Range(0, Consumers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            await start.Task;
            while (Volatile.Read(ref gotCount) < BatchStormTotal)
            {
                var (timeout, cancellation) = RandomPatience(random);
                var taken = new List<int>();
                try
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            taken.Add(await queue.GetAsync(timeout, cancellation.Token));
                            break;
                        case 1:
                            taken.AddRange(await queue.GetManyAsync(random.Next(1, 41), timeout, cancellation.Token));
                            break;
                        default:
                            var stopAfter = random.Next(1, 100);
                            cancellation.CancelAfter(random.Next(0, 4));
                            await foreach (var item in queue.ReadAllAsync(random.Next(1, 33), cancellation.Token))
                            {
                                taken.Add(item);
                                if (taken.Count == stopAfter) break;
                            }

                            break;
                    }
                }
                catch (Exception error) when (error is QueueEmptyException or OperationCanceledException)
                {
                    Interlocked.Increment(ref getsGivenUp);
                }
                finally
                {
                    cancellation.Dispose();
                }

                if (taken.Count == 0) continue;
                Record(taken);
                await queue.TaskDoneAsync(taken.Count);
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromMinutes(3));
        await Task.WhenAll(consumers).WaitAsync(TimeSpan.FromMinutes(3));
        _output.WriteLine($"{kind}: {BatchStormTotal} items, {putsGivenUp} puts and {getsGivenUp} gets given up");

        Assert.All(got, count => Assert.Equal(1, count));
        await queue.JoinAsync().WaitAsync(Patience);
        var state = await queue.GetStateAsync();
        Assert.Equal((0, 0, 0, 0), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
        Assert.Equal(0, (await queue.GetStatisticsAsync()).Waiting);
    }

    /// <summary>A timeout of 0 to 3 ms, or, one time in three, no timeout and a cancellation after 0 to 3 ms.</summary>
    private static (TimeSpan Timeout, CancellationTokenSource Cancellation) RandomPatience(Random random)
    {
        var cancellation = new CancellationTokenSource();
        if (random.Next(3) != 0) return (TimeSpan.FromMilliseconds(random.Next(0, 4)), cancellation);
        cancellation.CancelAfter(random.Next(0, 4));
        return (Timeout.InfiniteTimeSpan, cancellation);
    }
}
