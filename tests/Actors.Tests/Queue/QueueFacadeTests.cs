using Actors.Queue;
using Xunit.Abstractions;

namespace Actors.Tests.Queue;

/// <summary>
/// The async facades <see cref="ActorQueue{T}"/> and <see cref="ActorSimpleQueue{T}"/>: the Python methods they stand
/// for, the exceptions they map replies to, argument checks, cancellation, and that no item is lost or duplicated when
/// a cancellation races a put. Waits are ordered by observing the coordinator's state, never by sleeping.
/// </summary>
public sealed class QueueFacadeTests : CoordinatorTestKit
{
    private readonly ITestOutputHelper _output;

    public QueueFacadeTests(ITestOutputHelper output) : base(output) => _output = output;

    private sealed record Job(int Priority, string Name);

    private Task AwaitWaitingAsync(ActorQueue<int> queue, int getters, int putters, TimeSpan? interval = null) =>
        QueueProbes.AwaitWaitingAsync(this, queue, getters, putters, interval);

    private static Task AssertStateAsync(ActorQueue<int> queue, int count, int unfinished, int getters = 0, int putters = 0) =>
        QueueProbes.AssertStateAsync(queue, count, unfinished, getters, putters);

    private static async Task<List<T>> DrainAsync<T>(Func<Task<T>> getNowait)
    {
        var items = new List<T>();
        while (true)
        {
            try
            {
                items.Add(await getNowait());
            }
            catch (QueueEmptyException)
            {
                return items;
            }
        }
    }

    // ---- creation and argument validation -----------------------------------------------------------------------

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

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.MinValue.Ticks,
    };

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

    // ---- put and get --------------------------------------------------------------------------------------------

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
        await AwaitWaitingAsync(queue, getters: 1, putters: 0);
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
        await AwaitWaitingAsync(queue, getters: 0, putters: 1);
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
        await AwaitWaitingAsync(queue, getters: 0, putters: 1);
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
        await AwaitWaitingAsync(queue, getters: 1, putters: 0);
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
            await AwaitWaitingAsync(queue, getters: i + 1, putters: 0);
        }

        for (var i = 0; i < getters.Count; i++) await queue.PutAsync(i);
        for (var i = 0; i < getters.Count; i++) Assert.Equal(i, await getters[i].WaitAsync(Patience));
    }

    // ---- task_done and join -------------------------------------------------------------------------------------

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

    // ---- cancellation -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Methods_AlreadyCancelledToken_ThrowOperationCanceledWithoutTouchingState()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 2);
        await queue.PutAsync(1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(TimeSpan.FromSeconds(1), cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.PutAsync(2, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.PutAsync(2, TimeSpan.FromSeconds(1), cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TryPutAsync(2, TimeSpan.Zero, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.JoinAsync(cts.Token));
        await AssertStateAsync(queue, count: 1, unfinished: 1);
        Assert.Equal(1, await queue.GetNowaitAsync());

        var simple = ActorSimpleQueue<int>.Create(Sys);
        await simple.PutAsync(1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => simple.GetAsync(cts.Token));
        Assert.Equal(1, await simple.CountAsync());
    }

    [Fact]
    public async Task GetAsync_CancelledWhileWaiting_ThrowsAndALaterItemStaysInTheQueue()
    {
        var queue = ActorQueue<int>.Create(Sys);
        using var cts = new CancellationTokenSource();
        var getting = queue.GetAsync(cts.Token);
        await AwaitWaitingAsync(queue, getters: 1, putters: 0);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => getting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
        await queue.PutAsync(3);
        Assert.Equal(3, await queue.GetNowaitAsync());
    }

    [Fact]
    public async Task PutAsync_CancelledWhileWaiting_ThrowsAndItsItemNeverEnters()
    {
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(1);
        using var cts = new CancellationTokenSource();
        var putting = queue.PutAsync(2, cts.Token);
        await AwaitWaitingAsync(queue, getters: 0, putters: 1);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => putting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
        Assert.Equal(new[] { 1 }, await DrainAsync(queue.GetNowaitAsync));
    }

    /// <summary>How the put and the cancellation of a waiting get are ordered in one round of the race below.</summary>
    private enum RaceOrder
    {
        /// <summary>Put and cancel start together on two pool threads.</summary>
        Together,

        /// <summary>The put is acknowledged first (the item is then on its way to the getter), then the token is cancelled.</summary>
        PutAcknowledgedThenCancel,

        /// <summary>The put is sent, then the token is cancelled at once: the coordinator sees Put before Cancel.</summary>
        PutSentThenCancel,

        /// <summary>The token is cancelled, then the item is put.</summary>
        CancelThenPut,
    }

    [Fact]
    public async Task GetAsync_CancelledWhileAnItemIsPut_GetsEveryItemExactlyOnce()
    {
        const int iterations = 512;
        var queue = ActorQueue<int>.Create(Sys);
        var outcomes = new Dictionary<(RaceOrder, bool), (int ByGet, int ByDrain)>();
        for (var i = 0; i < iterations; i++)
        {
            var item = i;
            var order = (RaceOrder)(i % 4);
            var queuedFirst = i / 4 % 2 == 0;
            using var cts = new CancellationTokenSource();
            var getting = i / 8 % 2 == 0 ? queue.GetAsync(cts.Token) : queue.GetAsync(TimeSpan.FromMinutes(5), cts.Token);

            // Half the time the get is surely queued before the race; otherwise the put may even reach the queue first.
            if (queuedFirst) await AwaitWaitingAsync(queue, getters: 1, putters: 0, TimeSpan.FromMilliseconds(1));
            switch (order)
            {
                case RaceOrder.Together:
                    await Race.WithCancelAsync(() => queue.PutAsync(item), cts, Patience);
                    break;
                case RaceOrder.PutAcknowledgedThenCancel:
                    await queue.PutAsync(item).WaitAsync(Patience);
                    cts.Cancel();
                    break;
                case RaceOrder.PutSentThenCancel:
                    var sent = queue.PutAsync(item);
                    cts.Cancel();
                    await sent.WaitAsync(Patience);
                    break;
                case RaceOrder.CancelThenPut:
                    cts.Cancel();
                    await queue.PutAsync(item).WaitAsync(Patience);
                    break;
            }

            var got = new List<int>();
            try
            {
                got.Add(await getting.WaitAsync(Patience));
            }
            catch (OperationCanceledException)
            {
            }

            var byGet = got.Count;
            var drained = await DrainAsync(queue.GetNowaitAsync);
            got.AddRange(drained);
            Assert.Equal(new[] { item }, got);
            var (a, b) = outcomes.GetValueOrDefault((order, queuedFirst));
            outcomes[(order, queuedFirst)] = (a + byGet, b + drained.Count);
        }

        foreach (var ((order, queuedFirst), (byGet, byDrain)) in outcomes)
            _output.WriteLine($"{order}, get queued first: {queuedFirst}: got by the cancelled get {byGet}, by the drain {byDrain}");
        await AssertStateAsync(queue, count: 0, unfinished: iterations);
    }

    [Fact]
    public async Task PutAsync_CancelledWhileRoomIsMade_EitherPutsOrThrowsNeverBoth()
    {
        const int iterations = 200;
        var queue = ActorQueue<int>.Create(Sys, maxSize: 1);
        await queue.PutAsync(-1);
        var (completed, cancelled) = (0, 0);
        for (var i = 0; i < iterations; i++)
        {
            var item = i;
            using var cts = new CancellationTokenSource();
            var putting = queue.PutAsync(item, cts.Token);
            await AwaitWaitingAsync(queue, getters: 0, putters: 1, TimeSpan.FromMilliseconds(1));
            await Race.WithCancelAsync(() => queue.GetAsync(), cts, Patience);

            var wentIn = true;
            try
            {
                await putting.WaitAsync(Patience);
                completed++;
            }
            catch (OperationCanceledException)
            {
                wentIn = false;
                cancelled++;
            }

            var left = await DrainAsync(queue.GetNowaitAsync);
            Assert.Equal(wentIn ? new[] { item } : Array.Empty<int>(), left);
            await queue.PutAsync(-1);
        }

        _output.WriteLine($"puts completed: {completed}, cancelled: {cancelled}");
        await AssertStateAsync(queue, count: 1, unfinished: 1 + completed + iterations);
    }

    [Fact]
    public async Task GetAsync_OwnerDiesWhileWaiting_ThrowsInvalidOperation()
    {
        var owner = CreateTestProbe();
        var queue = ActorQueue<int>.Create(Sys).WithOwner(owner.Ref);
        Assert.Equal(owner.Ref, queue.Owner);
        var getting = queue.GetAsync();
        await AwaitWaitingAsync(queue, getters: 1, putters: 0);
        Sys.Stop(owner.Ref);
        await Assert.ThrowsAsync<InvalidOperationException>(() => getting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }

    // ---- shutdown -----------------------------------------------------------------------------------------------

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
        await AwaitWaitingAsync(empty, getters: 2, putters: 0);

        var full = ActorQueue<int>.Create(Sys, maxSize: 1);
        await full.PutAsync(1);
        var putting = new[] { full.PutAsync(2), full.PutAsync(3, TimeSpan.FromMinutes(5)) };
        await AwaitWaitingAsync(full, getters: 0, putters: 2);

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

    // ---- simple queue -------------------------------------------------------------------------------------------

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
        await AwaitWaitingAsync(view, getters: 2, putters: 0);
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
        await AwaitWaitingAsync(view, getters: 1, putters: 0);
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
