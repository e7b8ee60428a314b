using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <c>task_done</c>, <c>join</c> and <c>shutdown</c> through the facade, and <see cref="ActorSimpleQueue{T}"/>.
/// </summary>
public sealed class QueueFacadeLifecycleTests : QueueFacadeTestKit
{
    [Fact]
    public async Task TaskDoneAsync_ReturnsUnfinishedAndThrowsInvalidOperationWhenTooMany()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        await queue.GetAsync();
        Assert.Equal(1, await queue.TaskDoneAsync());
        Assert.Equal(0, await queue.TaskDoneAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.TaskDoneAsync());
        await AssertStateAsync(queue, count: 1, unfinished: 0);
    }

    [Fact]
    public async Task JoinAsync_NothingUnfinished_CompletesAtOnce()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.JoinAsync().WaitAsync(Patience);
        Assert.True(await queue.JoinAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task JoinAsync_UnfinishedItems_CompletesOnlyWhenEveryItemIsDone()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        var joining = queue.JoinAsync();
        await queue.GetAsync();
        await queue.GetAsync();
        Assert.Equal(1, await queue.TaskDoneAsync());
        Assert.False(await queue.JoinAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        Assert.False(joining.IsCompleted);

        Assert.Equal(0, await queue.TaskDoneAsync());
        await joining.WaitAsync(Patience);
        Assert.True(await queue.JoinAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task JoinAsync_Cancelled_ThrowsOperationCanceledAndLaterJoinsStillWork()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        using var cts = new CancellationTokenSource();
        var joining = queue.JoinAsync(cts.Token);
        Assert.False(await queue.JoinAsync(TimeSpan.Zero));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => joining).WaitAsync(Patience);
        await queue.TaskDoneAsync();
        await queue.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task ShutdownAsync_Graceful_RefusesPutsDrainsGetsThenThrowsShutDown()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        Assert.Equal(0, await queue.ShutdownAsync());

        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.PutAsync(3));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.PutNowaitAsync(3));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.TryPutAsync(3, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, await queue.GetAsync());
        Assert.Equal(2, await queue.GetNowaitAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetNowaitAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetAsync(TimeSpan.FromMinutes(1)));
        Assert.True((await queue.GetStateAsync()).IsShutDown);
    }

    [Fact]
    public async Task ShutdownAsync_BlockedGettersAndPutters_ThrowShutDownAtOnce()
    {
        var empty = ActorQueue<int>.Create(Sys);
        var getting = new[] { empty.GetAsync(), empty.GetAsync(TimeSpan.FromMinutes(5)) };
        await AwaitWaitingAsync(this, empty, getters: 2, putters: 0);

        var full = ActorQueue<int>.Create(Sys, maxSize: 1);
        await full.PutAsync(1);
        var putting = new[] { full.PutAsync(2), full.PutAsync(3, TimeSpan.FromMinutes(5)) };
        await AwaitWaitingAsync(this, full, getters: 0, putters: 2);

        await empty.ShutdownAsync();
        await full.ShutdownAsync();
        foreach (var task in getting) await Assert.ThrowsAsync<QueueShutDownException>(() => task).WaitAsync(Patience);
        foreach (var task in putting) await Assert.ThrowsAsync<QueueShutDownException>(() => task).WaitAsync(Patience);
        await AssertStateAsync(full, count: 1, unfinished: 1);
        Assert.Equal(1, await full.GetAsync());
    }

    [Fact]
    public async Task ShutdownAsync_Immediate_DiscardsItemsAndJoinReturnsOnceTakenItemsAreDone()
    {
        var queue = ActorQueue<int>.Create(Sys);
        for (var i = 1; i <= 4; i++) await queue.PutAsync(i);
        Assert.Equal(1, await queue.GetAsync());
        var joining = queue.JoinAsync();

        Assert.Equal(3, await queue.ShutdownAsync(immediate: true));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetAsync());
        Assert.False(await queue.JoinAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        Assert.False(joining.IsCompleted);

        Assert.Equal(0, await queue.TaskDoneAsync());
        await joining.WaitAsync(Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.TaskDoneAsync());
    }

    [Fact]
    public async Task SimpleQueue_PutAndGet_FifoWithEveryGetVariant()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        Assert.True(await queue.IsEmptyAsync());
        for (var i = 1; i <= 3; i++) await queue.PutAsync(i);
        Assert.Equal(3, await queue.CountAsync());
        Assert.False(await queue.IsEmptyAsync());
        Assert.Equal(1, await queue.GetAsync());
        Assert.Equal(2, await queue.GetAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, await queue.GetNowaitAsync());
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetNowaitAsync());
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetAsync(TimeSpan.FromMilliseconds(50))).WaitAsync(Patience);
    }

    [Fact]
    public async Task SimpleQueue_GetWaiting_ReceivesALaterPutOrIsCancelled()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        var view = new ActorQueue<int>(queue.Coordinator);
        using var cts = new CancellationTokenSource();
        var cancelledGet = queue.GetAsync(cts.Token);
        var getting = queue.GetAsync();
        await AwaitWaitingAsync(this, view, getters: 2, putters: 0);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledGet).WaitAsync(Patience);

        await queue.PutAsync(7);
        Assert.Equal(7, await getting.WaitAsync(Patience));
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task SimpleQueue_Shutdown_RefusesPutsAndWakesGetters()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        var view = new ActorQueue<int>(queue.Coordinator);
        var getting = queue.GetAsync();
        await AwaitWaitingAsync(this, view, getters: 1, putters: 0);
        Assert.Equal(0, await queue.ShutdownAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(() => getting).WaitAsync(Patience);
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.PutAsync(1));
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetNowaitAsync());
    }

    [Fact]
    public async Task SimpleQueue_ImmediateShutdown_DiscardsItems()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        await queue.PutAsync(1);
        await queue.PutAsync(2);
        Assert.Equal(2, await queue.ShutdownAsync(immediate: true));
        Assert.Equal(0, await queue.CountAsync());
        await Assert.ThrowsAsync<QueueShutDownException>(() => queue.GetAsync());
    }

    [Fact]
    public async Task SimpleQueue_TaskTrackingThroughAQueueFacade_ThrowsNotSupported()
    {
        var queue = ActorSimpleQueue<int>.Create(Sys);
        var view = new ActorQueue<int>(queue.Coordinator);
        await queue.PutAsync(1);
        await Assert.ThrowsAsync<NotSupportedException>(() => view.TaskDoneAsync());
        await Assert.ThrowsAsync<NotSupportedException>(() => view.JoinAsync());
        Assert.Equal(1, await queue.CountAsync());
    }
}
