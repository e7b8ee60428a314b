using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <c>PutManyAsync</c> and <c>GetManyAsync</c>: the exceptions they map replies to, argument checks, cancellation,
/// and that no item is lost or duplicated when a cancellation races a batch.
/// </summary>
public sealed class QueueBatchFacadeTests : QueueBatchFacadeTestKit
{
    [Fact]
    public async Task PutManyAsyncGetManyAsync_EachKind_ReturnItemsInTheKindsOrder()
    {
        var fifo = ActorQueue<int>.Create(Sys);
        var lifo = ActorQueue<int>.CreateLifo(Sys);
        var priority = ActorQueue<int>.CreatePriority(Sys);
        foreach (var queue in new[] { fifo, lifo, priority }) await queue.PutManyAsync([3, 1, 2]);

        Assert.Equal(new[] { 3, 1, 2 }, await fifo.GetManyAsync(5));
        Assert.Equal(new[] { 2, 1 }, await lifo.GetManyAsync(2));
        Assert.Equal(new[] { 1, 2, 3 }, await priority.GetManyAsync(3, TimeSpan.FromSeconds(5)));
        Assert.Equal(new[] { 3 }, await lifo.GetManyAsync(2, TimeSpan.Zero));
        await AssertStateAsync(fifo, count: 0, unfinished: 3);
    }

    [Fact]
    public async Task PutManyAsync_NotRoomForAll_WaitsThenPutsThemAllTogether()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 4);
        await queue.PutManyAsync([1, 2, 3]);
        var putting = queue.PutManyAsync([4, 5]);
        await AwaitWaitingAsync(this, queue, getters: 0, putters: 1);
        Assert.False(putting.IsCompleted);
        await AssertStateAsync(queue, count: 3, unfinished: 3, putters: 1);

        Assert.Equal(new[] { 1 }, await queue.GetManyAsync(1));
        await putting.WaitAsync(Patience);
        Assert.Equal(new[] { 2, 3, 4, 5 }, await DrainAsync(queue));
    }

    [Fact]
    public async Task PutManyAsync_EmptyBatch_CompletesAtOnce()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(1);
        await queue.PutManyAsync([]).WaitAsync(Patience);
        await queue.PutManyAsync([], TimeSpan.Zero).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    [Fact]
    public async Task PutManyAsync_TimedWithoutRoom_ThrowsQueueFullAndPutsNothing()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 3);
        await queue.PutManyAsync([1, 2]);
        await Assert.ThrowsAsync<QueueFullException>(() => queue.PutManyAsync([3, 4], TimeSpan.Zero));
        await Assert.ThrowsAsync<QueueFullException>(() => queue.PutManyAsync([3, 4], TimeSpan.FromMilliseconds(100))).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 2, unfinished: 2);
    }

    [Fact]
    public async Task PutManyAsync_BadArguments_ThrowAndLeaveTheQueueAsItWas()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 3);
        await Assert.ThrowsAsync<ArgumentNullException>(() => queue.PutManyAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => queue.PutManyAsync(null!, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.PutManyAsync([1, 2, 3, 4]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PutManyAsync([1], TimeSpan.FromMilliseconds(-2)));
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }

    [Fact]
    public async Task PutManyAsync_PriorityComparerFailsMidway_ThrowsArgumentSayingHowManyWentIn()
    {
        var queue = ActorQueue<object>.CreatePriority(Sys);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.PutManyAsync([1, "x", 2]));
        Assert.StartsWith("1 of the 3 items went in", error.Message);
        Assert.Equal(new object[] { 1 }, await queue.GetManyAsync(5, TimeSpan.Zero));
    }

    [Fact]
    public async Task PutManyAsync_ShutDown_ThrowsQueueShutDown()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.ShutdownAsync();
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.PutManyAsync([1]));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.PutManyAsync([1], TimeSpan.Zero));
    }

    [Fact]
    public async Task PutManyAsync_CancelledWhileWaiting_ThrowsAndPutsNothing()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 2);
        await queue.PutAsync(1);
        using var cts = new CancellationTokenSource();
        var putting = queue.PutManyAsync([2, 3], cts.Token);
        await AwaitWaitingAsync(this, queue, getters: 0, putters: 1);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => putting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    [Fact]
    public async Task GetManyAsync_Empty_WaitsForTheFirstItemOnly()
    {
        var queue = ActorQueue<int>.Create(Sys);
        var getting = queue.GetManyAsync(10);
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        await queue.PutAsync(7);
        Assert.Equal(new[] { 7 }, await getting.WaitAsync(Patience));
    }

    [Fact]
    public async Task GetManyAsync_BadArguments_ThrowArgumentOutOfRangeAndTakeNothing()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetManyAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetManyAsync(-1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetManyAsync(1, TimeSpan.FromMilliseconds(-2)));
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    [Fact]
    public async Task GetManyAsync_TimedOnEmpty_ThrowsQueueEmpty()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetManyAsync(3, TimeSpan.Zero));
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetManyAsync(3, TimeSpan.FromMilliseconds(100))).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }

    [Fact]
    public async Task GetManyAsync_ShutDownAndDrained_ThrowsQueueShutDown()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutManyAsync([1, 2]);
        await queue.ShutdownAsync();
        Assert.Equal(new[] { 1, 2 }, await queue.GetManyAsync(5));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetManyAsync(5));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetManyAsync(5, TimeSpan.Zero));
    }

    [Fact]
    public async Task GetManyAsync_CancelledWhileWaiting_ThrowsAndALaterItemStaysInTheQueue()
    {
        var queue = ActorQueue<int>.Create(Sys);
        using var cts = new CancellationTokenSource();
        var getting = queue.GetManyAsync(5, cts.Token);
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => getting).WaitAsync(Patience);
        await queue.PutManyAsync([1, 2]);
        await AssertStateAsync(queue, count: 2, unfinished: 2);
    }

    [Fact]
    public async Task BatchMethods_AlreadyCancelledToken_ThrowWithoutTouchingState()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.PutManyAsync([2], cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.PutManyAsync([2], TimeSpan.Zero, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetManyAsync(5, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetManyAsync(5, TimeSpan.Zero, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in queue.ReadAllAsync(cancellationToken: cts.Token)) Assert.Fail("No item may be read.");
        });
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    /// <summary>
    /// A waiting batch get races a batch put and its own cancellation, in all orders. The items that reach the cancelled
    /// getter go back to their places, so the getter and a drain together see every item once, in put order.
    /// </summary>
    [Fact]
    public async Task GetManyAsync_CancelledWhileABatchIsPut_GetsEveryItemExactlyOnceInOrder()
    {
        const int iterations = 256;
        var queue = ActorQueue<int>.Create(Sys);
        var (byGet, byDrain) = (0, 0);
        for (var i = 0; i < iterations; i++)
        {
            var batch = Range(i * 10, 1 + i % 5);
            using var cts = new CancellationTokenSource();
            var getting = i % 2 == 0 ? queue.GetManyAsync(3, cts.Token) : queue.GetManyAsync(3, TimeSpan.FromMinutes(5), cts.Token);
            if (i / 2 % 2 == 0) await AwaitWaitingAsync(this, queue, getters: 1, putters: 0, TimeSpan.FromMilliseconds(1));

            await Race.WithCancelAsync(() => queue.PutManyAsync(batch), cts, Patience);

            var got = new List<int>();
            try
            {
                got.AddRange(await getting.WaitAsync(Patience));
            }
            catch (OperationCanceledException)
            {
            }

            byGet += got.Count;
            var drained = await DrainAsync(queue);
            byDrain += drained.Count;
            got.AddRange(drained);
            Assert.Equal(batch, got);
        }

        Assert.Equal(Enumerable.Range(0, iterations).Sum(i => 1 + i % 5), byGet + byDrain);
        await AssertStateAsync(queue, count: 0, unfinished: byGet + byDrain);
    }
}
