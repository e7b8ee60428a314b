using Actors.Event;
using Actors.Owners;

namespace Actors.Tests.Event;

/// <summary>The async facade <see cref="ActorEvent"/>.</summary>
public sealed class EventFacadeTests : CoordinatorTestKit
{
    private const int ManyWaiters = 100;
    private readonly ActorEvent _event;

    public EventFacadeTests() => _event = ActorEvent.Create(Sys);

    [Fact]
    public async Task IsSetAsync_New_IsFalse()
    {
        Assert.False(await _event.IsSetAsync());
        var state = await _event.GetStateAsync();
        Assert.Equal((false, 0), (state.IsSet, state.Waiting));
    }

    [Fact]
    public async Task SetAsyncAndClearAsync_Alternating_FlipTheFlag()
    {
        Assert.Equal(0, await _event.SetAsync());
        Assert.True(await _event.IsSetAsync());
        Assert.Equal(0, await _event.SetAsync());
        Assert.True(await _event.IsSetAsync());
        await _event.ClearAsync();
        Assert.False(await _event.IsSetAsync());
        await _event.ClearAsync();
        Assert.False(await _event.IsSetAsync());
    }

    [Fact]
    public async Task WaitAsync_Set_CompletesAtOnce()
    {
        await _event.SetAsync();
        await _event.WaitAsync().WaitAsync(Patience);
        Assert.True(await _event.WaitAsync(TimeSpan.Zero));
        Assert.True(await _event.WaitAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task WaitAsync_Clear_CompletesWhenSet()
    {
        var waiting = _event.WaitAsync();
        await Waiters.AwaitAsync(this, _event, 1);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, await _event.SetAsync());
        await waiting.WaitAsync(Patience);
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task WaitAsyncWithTimeout_ClearUntilTimeout_ReturnsFalse()
    {
        Assert.False(await _event.WaitAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
        Assert.Equal(0, await _event.SetAsync());
    }

    [Fact]
    public async Task WaitAsyncWithZeroTimeout_Clear_ReturnsFalseAtOnce()
    {
        Assert.False(await _event.WaitAsync(TimeSpan.Zero));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task WaitAsyncWithTimeout_SetMeanwhile_ReturnsTrue()
    {
        var waiting = _event.WaitAsync(Patience);
        await Waiters.AwaitAsync(this, _event, 1);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, await _event.SetAsync());
        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task WaitAsync_AfterClear_WaitsAgain()
    {
        await _event.SetAsync();
        await _event.ClearAsync();
        var waiting = _event.WaitAsync(Timeout.InfiniteTimeSpan);
        await Waiters.AwaitAsync(this, _event, 1);
        Assert.False(waiting.IsCompleted);
        await _event.SetAsync();
        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task SetAsync_ManyWaiting_WakesThemAll()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waits = Enumerable.Range(0, ManyWaiters).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            await _event.WaitAsync();
        })).ToList();
        gate.SetResult();
        await Waiters.AwaitAsync(this, _event, ManyWaiters);
        Assert.All(waits, w => Assert.False(w.IsCompleted));

        Assert.Equal(ManyWaiters, await _event.SetAsync());
        await Task.WhenAll(waits).WaitAsync(Patience);
        var state = await _event.GetStateAsync();
        Assert.Equal((true, 0), (state.IsSet, state.Waiting));
    }

    [Fact]
    public async Task SetAsyncThenClearAsync_StartedBackToBack_WakeEveryWaiterAndLeaveTheFlagClear()
    {
        var waits = Enumerable.Range(0, ManyWaiters).Select(_ => _event.WaitAsync(Timeout.InfiniteTimeSpan)).ToList();
        await Waiters.AwaitAsync(this, _event, ManyWaiters);
        Assert.All(waits, w => Assert.False(w.IsCompleted));

        var s = _event.SetAsync();
        var c = _event.ClearAsync();
        await Task.WhenAll(s, c).WaitAsync(Patience);

        Assert.Equal(ManyWaiters, await s);
        var results = await Task.WhenAll(waits).WaitAsync(Patience);
        Assert.All(results, r => Assert.True(r));
        Assert.False(await _event.IsSetAsync());
        Assert.False(await _event.WaitAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsAndLeavesNoWaiter()
    {
        using var cts = new CancellationTokenSource();
        var cancelled = _event.WaitAsync(cts.Token);
        var other = _event.WaitAsync(Timeout.InfiniteTimeSpan);
        await Waiters.AwaitAsync(this, _event, 2);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        Assert.Equal(1, (await _event.GetStateAsync()).Waiting);
        Assert.False(other.IsCompleted);
        Assert.Equal(1, await _event.SetAsync());
        Assert.True(await other.WaitAsync(Patience));
    }

    [Fact]
    public async Task WaitAsyncWithTimeout_CancelledWhileWaiting_Throws()
    {
        using var cts = new CancellationTokenSource();
        var cancelled = _event.WaitAsync(TimeSpan.FromMinutes(5), cts.Token);
        await Waiters.AwaitAsync(this, _event, 1);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task WaitAsync_AlreadyCancelledToken_ThrowsWithoutTouchingState()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _event.WaitAsync(cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _event.WaitAsync(Patience, cts.Token));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);

        await _event.SetAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _event.WaitAsync(cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _event.WaitAsync(TimeSpan.Zero, cts.Token));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public async Task WaitAsync_NegativeTimeout_ThrowsArgumentOutOfRangeAndStateUnchanged(int milliseconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _event.WaitAsync(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
        await _event.SetAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _event.WaitAsync(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Constructor_NullCoordinator_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorEvent(null!));
    }

    [Fact]
    public void Constructor_NoOwner_UsesTheAnonymousOwner()
    {
        Assert.Equal(ActorRefs.Nobody, new ActorEvent(_event.Coordinator).Owner);
    }

    [Fact]
    public void WithOwner_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => _event.WithOwner(null!));
    }

    [Fact]
    public void Create_NullFactory_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ActorEvent.Create(null!));
    }

    [Fact]
    public async Task WaitAsync_OwnerDisposedWhileWaiting_FailsAndDropsTheWait()
    {
        var owner = ActorOwner.Create(Sys);
        var owned = _event.WithOwner(owner.Ref);
        var waiting = owned.WaitAsync();
        await Waiters.AwaitAsync(this, _event, 1);

        await owner.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting.WaitAsync(Patience));
        Assert.Equal(0, (await _event.GetStateAsync()).Waiting);
        Assert.Equal(0, await _event.SetAsync());
    }
}
