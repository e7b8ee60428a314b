using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// The Python methods <see cref="ActorQueue{T}"/> stands for, the exceptions it maps replies to and its argument checks.
/// </summary>
public sealed class QueueFacadeTests : QueueFacadeTestKit
{
    private sealed record Job(int Priority, string Name);

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Fact]
    public void Constructors_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorQueue<int>(null!));
        Assert.Throws<ArgumentNullException>(() => new ActorSimpleQueue<int>(null!));
        Assert.Throws<ArgumentNullException>(() => ActorQueue<int>.Create(null!));
        Assert.Throws<ArgumentNullException>(() => ActorQueue<int>.CreateLifo(null!));
        Assert.Throws<ArgumentNullException>(() => ActorQueue<int>.CreatePriority(null!));
        Assert.Throws<ArgumentNullException>(() => ActorSimpleQueue<int>.Create(null!));
        Assert.Throws<ArgumentNullException>(() => ActorQueue<int>.Create(Sys).WithOwner(null!));
    }

    [Fact]
    public async Task Create_Default_IsAnonymousUnboundedAndEmpty()
    {
        var queue = ActorQueue<int>.Create(Sys);
        Assert.Equal(ActorRefs.Nobody, queue.Owner);
        var state = await queue.GetStateAsync();
        Assert.Equal((0, 0, false, false), (state.Count, state.MaxSize, state.IsFull, state.IsShutDown));
        Assert.True(await queue.IsEmptyAsync());
        Assert.False(await queue.IsFullAsync());
    }

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public async Task TimedMethods_NegativeTimeout_ThrowArgumentOutOfRangeAndStateUnchanged(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PutAsync(2, timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.TryPutAsync(2, timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetAsync(timeout));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.JoinAsync(timeout));
        await AssertStateAsync(queue, count: 1, unfinished: 1);

        var simple = ActorSimpleQueue<int>.Create(Sys);
        await simple.PutAsync(1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => simple.GetAsync(timeout));
        Assert.Equal(1, await simple.CountAsync());
    }

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public async Task PutAsync_UnboundedQueueNegativeTimeout_IgnoresTheTimeoutAsPythonDoes(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);
        var queue = ActorQueue<int>.Create(Sys);

        await queue.PutAsync(1, timeout);
        Assert.True(await queue.TryPutAsync(2, timeout));

        await AssertStateAsync(queue, count: 2, unfinished: 2);
    }

    [Fact]
    public async Task PutAsync_ItemTheCoordinatorCannotOrder_ThrowsArgumentAndQueueKeepsWorking()
    {
        var ints = ActorQueue<int>.CreatePriority(Sys);
        var strings = new ActorQueue<string>(ints.Coordinator);
        await Assert.ThrowsAsync<ArgumentException>(() => strings.PutAsync("x"));
        await ints.PutAsync(2);
        await ints.PutAsync(1);
        Assert.Equal(new[] { 1, 2 }, await DrainAsync(ints.GetNowaitAsync));
    }

    [Fact]
    public async Task PutAsyncGetAsync_Fifo_ReturnItemsInPutOrder()
    {
        var queue = ActorQueue<int>.Create(Sys);
        for (var i = 1; i <= 4; i++) await queue.PutAsync(i);
        Assert.Equal(4, await queue.CountAsync());
        Assert.Equal(1, await queue.GetAsync());
        Assert.Equal(2, await queue.GetAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, await queue.GetNowaitAsync());
        Assert.Equal(4, await queue.GetAsync(Timeout.InfiniteTimeSpan));
        Assert.True(await queue.IsEmptyAsync());
    }

    [Fact]
    public async Task GetAsync_Lifo_ReturnsLastPutFirst()
    {
        var queue = ActorQueue<int>.CreateLifo(Sys);
        foreach (var item in new[] { 1, 2, 3 }) await queue.PutAsync(item);
        Assert.Equal(new[] { 3, 2, 1 }, await DrainAsync(queue.GetNowaitAsync));
    }

    [Fact]
    public async Task GetAsync_Priority_ReturnsSmallestFirstAndEqualPrioritiesInPutOrder()
    {
        var queue = ActorQueue<Job>.CreatePriority(Sys, Comparer<Job>.Create((a, b) => a.Priority.CompareTo(b.Priority)));
        foreach (var job in new[] { new Job(3, "a"), new Job(1, "b"), new Job(3, "c"), new Job(2, "d"), new Job(1, "e") })
            await queue.PutAsync(job);
        var names = (await DrainAsync(queue.GetNowaitAsync)).Select(j => j.Name);
        Assert.Equal(new[] { "b", "e", "d", "a", "c" }, names);
    }

    [Fact]
    public async Task GetAsync_PriorityDefaultComparer_ReturnsSmallestFirst()
    {
        var queue = ActorQueue<int>.CreatePriority(Sys);
        foreach (var item in new[] { 4, 1, 3, 2 }) await queue.PutAsync(item);
        Assert.Equal(new[] { 1, 2, 3, 4 }, await DrainAsync(queue.GetNowaitAsync));
    }

    [Fact]
    public async Task GetAsync_Empty_WaitsUntilAnItemIsPut()
    {
        var queue = ActorQueue<int>.Create(Sys);
        var getting = queue.GetAsync();
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        Assert.False(getting.IsCompleted);
        await queue.PutAsync(5);
        Assert.Equal(5, await getting.WaitAsync(Patience));
        await AssertStateAsync(queue, count: 0, unfinished: 1);
    }

    [Fact]
    public async Task PutAsync_Full_WaitsUntilAGetMakesRoom()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(1);
        Assert.True(await queue.IsFullAsync());
        var putting = queue.PutAsync(2);
        await AwaitWaitingAsync(this, queue, getters: 0, putters: 1);
        Assert.False(putting.IsCompleted);

        Assert.Equal(1, await queue.GetAsync());
        await putting.WaitAsync(Patience);
        Assert.True(await queue.IsFullAsync());
        Assert.Equal(2, await queue.GetNowaitAsync());
    }

    [Fact]
    public async Task PutNowaitAsync_Full_ThrowsQueueFullAndItemNeverEnters()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 2);
        await queue.PutNowaitAsync(1);
        await queue.PutNowaitAsync(2);
        await Assert.ThrowsAsync<QueueFullException>(() => queue.PutNowaitAsync(3));
        await AssertStateAsync(queue, count: 2, unfinished: 2);
        Assert.Equal(new[] { 1, 2 }, await DrainAsync(queue.GetNowaitAsync));
    }

    [Fact]
    public async Task PutAsync_TimedFull_ThrowsQueueFullAndLeavesNoWaiter()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(1);
        await Assert.ThrowsAsync<QueueFullException>(() => queue.PutAsync(2, TimeSpan.FromMilliseconds(100))).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    [Fact]
    public async Task TryPutAsync_RoomOrTimeout_ReturnsWhetherTheItemWentIn()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        Assert.True(await queue.TryPutAsync(1, TimeSpan.Zero));
        Assert.False(await queue.TryPutAsync(2, TimeSpan.Zero));
        Assert.False(await queue.TryPutAsync(3, TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        await AssertStateAsync(queue, count: 1, unfinished: 1);

        var putting = queue.TryPutAsync(4, TimeSpan.FromMinutes(5));
        await AwaitWaitingAsync(this, queue, getters: 0, putters: 1);
        Assert.Equal(1, await queue.GetAsync());
        Assert.True(await putting.WaitAsync(Patience));
        Assert.Equal(new[] { 4 }, await DrainAsync(queue.GetNowaitAsync));
    }

    [Fact]
    public async Task GetNowaitAsync_Empty_ThrowsQueueEmpty()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetNowaitAsync());
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetAsync(TimeSpan.Zero));
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }

    [Fact]
    public async Task GetAsync_TimedEmpty_ThrowsQueueEmptyAndALaterItemStaysInTheQueue()
    {
        var queue = ActorQueue<int>.Create(Sys);
        await Assert.ThrowsAsync<QueueEmptyException>(() => queue.GetAsync(TimeSpan.FromMilliseconds(100))).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
        await queue.PutAsync(1);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
    }

    [Fact]
    public async Task GetAsync_TimedAndItemPutInTime_ReturnsIt()
    {
        var queue = ActorQueue<int>.Create(Sys);
        var getting = queue.GetAsync(TimeSpan.FromMinutes(5));
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        await queue.PutAsync(9);
        Assert.Equal(9, await getting.WaitAsync(Patience));
    }

    [Fact]
    public async Task GetAsync_SeveralWaiting_AreServedInArrivalOrder()
    {
        var queue = ActorQueue<int>.Create(Sys);
        var getters = new List<Task<int>>();
        for (var i = 0; i < 4; i++)
        {
            getters.Add(queue.GetAsync());
            await AwaitWaitingAsync(this, queue, getters: i + 1, putters: 0);
        }

        for (var i = 0; i < getters.Count; i++) await queue.PutAsync(i);
        for (var i = 0; i < getters.Count; i++) Assert.Equal(i, await getters[i].WaitAsync(Patience));
    }
}
