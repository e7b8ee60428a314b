using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <c>TaskDoneAsync(count)</c>, <c>ReadAllAsync</c> and the batch methods of <see cref="ActorSimpleQueue{T}"/>.
/// </summary>
public sealed class QueueBatchFacadeStreamTests : QueueBatchFacadeTestKit
{
    [Fact]
    public async Task TaskDoneAsync_Count_MarksThatManyAndJoinWaitsForTheLast()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutManyAsync(Range(1, 5));
        var joining = queue.JoinAsync();
        var items = await queue.GetManyAsync(5);
        Assert.Equal(2, await queue.TaskDoneAsync(items.Count - 2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.TaskDoneAsync(3));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.TaskDoneAsync(0));
        Assert.False(await queue.JoinAsync(TimeSpan.Zero));
        Assert.False(joining.IsCompleted);

        Assert.Equal(0, await queue.TaskDoneAsync(2));
        await joining.WaitAsync(Patience);
    }

    [Fact]
    public async Task ReadAllAsync_ProducerThenShutdown_YieldsEveryItemInOrderAndEnds()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 10);
        var reading = Task.Run(async () =>
        {
            var read = new List<int>();
            await foreach (var item in queue.ReadAllAsync(batchSize: 4)) read.Add(item);
            return read;
        });

        for (var start = 0; start < 200; start += 7) await queue.PutManyAsync(Range(start, Math.Min(7, 200 - start)));
        await queue.ShutdownAsync();
        Assert.Equal(Range(0, 200), await reading.WaitAsync(Patience));
        await AssertStateAsync(queue, count: 0, unfinished: 200);
    }

    [Fact]
    public async Task ReadAllAsync_LeftEarly_GivesBackTheItemsItTookButDidNotHandOut()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutManyAsync(Range(1, 10));
        var read = new List<int>();
        await foreach (var item in queue.ReadAllAsync(batchSize: 8))
        {
            read.Add(item);
            if (read.Count == 3) break;
        }

        Assert.Equal(new[] { 1, 2, 3 }, read);
        await AwaitAssertAsync(async () => Assert.Equal(7, (await queue.GetStateAsync()).Count), TestTimes.Settle);
        Assert.Equal(Range(4, 7), await DrainAsync(queue));
    }

    [Fact]
    public async Task ReadAllAsync_CancelledWhileWaiting_ThrowsOperationCanceledAndLeavesNoWaiter()
    {
        var queue = ActorQueue<int>.Create(Sys);
        using var cts = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in queue.ReadAllAsync(cancellationToken: cts.Token)) Assert.Fail("No item may be read.");
        });
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }

    [Fact]
    public void ReadAllAsync_BatchSizeBelowOne_ThrowsAtOnce()
    {
        var queue = ActorQueue<int>.Create(Sys);
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.ReadAllAsync(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSimpleQueue<int>.Create(Sys).ReadAllAsync(-1));
    }

    [Fact]
    public async Task SimpleQueue_BatchMethods_PutGetAndReadAll()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        await queue.PutManyAsync(Range(1, 6));
        Assert.Equal(new[] { 1, 2 }, await queue.GetManyAsync(2));
        Assert.Equal(new[] { 3 }, await queue.GetManyAsync(1, TimeSpan.Zero));
        await queue.ShutdownAsync();

        var rest = new List<int>();
        await foreach (var item in queue.ReadAllAsync(batchSize: 2)) rest.Add(item);
        Assert.Equal(new[] { 4, 5, 6 }, rest);
        await Assert.ThrowsAsync<ArgumentNullException>(() => queue.PutManyAsync(null!));
    }
}
