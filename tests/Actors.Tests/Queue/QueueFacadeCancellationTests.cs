using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;
using Xunit.Abstractions;

namespace Actors.Tests.Queue;

/// <summary>
/// Cancellation of the facade's waiting calls, and that no item is lost or duplicated when a cancellation races a put.
/// </summary>
public sealed class QueueFacadeCancellationTests : QueueFacadeTestKit
{
    private readonly ITestOutputHelper _output;

    public QueueFacadeCancellationTests(ITestOutputHelper output) : base(output) => _output = output;

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
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
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
        await AwaitWaitingAsync(this, queue, getters: 0, putters: 1);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => putting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 1, unfinished: 1);
        Assert.Equal(new[] { 1 }, await DrainAsync(queue.GetNowaitAsync));
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
            if (queuedFirst) await AwaitWaitingAsync(this, queue, getters: 1, putters: 0, TimeSpan.FromMilliseconds(1));
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
            await AwaitWaitingAsync(this, queue, getters: 0, putters: 1, TimeSpan.FromMilliseconds(1));
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
        await AwaitWaitingAsync(this, queue, getters: 1, putters: 0);
        Sys.Stop(owner.Ref);
        await Assert.ThrowsAsync<InvalidOperationException>(() => getting).WaitAsync(Patience);
        await AssertStateAsync(queue, count: 0, unfinished: 0);
    }
}
