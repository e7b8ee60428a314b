using Actors.Queue;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>
/// Producers and consumers on one queue, consumers giving up at random (timeouts, cancellations racing the items).
/// Every item put must be got exactly once, and join must wait for the very last task_done.
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
}
