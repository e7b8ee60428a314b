using Actors.Lock;
using Actors.Owners;

namespace Actors.Tests.Lock;

/// <summary>The lock used from async code through <see cref="ActorLock"/>.</summary>
public sealed class LockFacadeTests : CoordinatorTestKit
{
    private readonly ActorLock _lock;

    public LockFacadeTests() => _lock = ActorLock.Create(Sys);

    [Fact]
    public async Task AcquireRelease_Free_TogglesLocked()
    {
        Assert.False(await _lock.IsLockedAsync());
        await _lock.AcquireAsync();
        Assert.True(await _lock.IsLockedAsync());
        await _lock.ReleaseAsync();
        Assert.False(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task Release_Unlocked_ThrowsSynchronizationLockException()
    {
        await Assert.ThrowsAsync<SynchronizationLockException>(() => _lock.ReleaseAsync());
        Assert.False(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task TryAcquire_Held_ReturnsFalseWithoutWaiting()
    {
        await _lock.AcquireAsync();
        Assert.False(await _lock.TryAcquireAsync());
        Assert.Equal(0, (await _lock.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task TryAcquireWithTimeout_StaysHeld_ReturnsFalseAndLeavesNoWaiter()
    {
        await _lock.AcquireAsync();
        Assert.False(await _lock.TryAcquireAsync(TimeSpan.FromMilliseconds(50)));
        var state = await _lock.GetStateAsync();
        Assert.Equal((true, 0), (state.Locked, state.Waiting));
    }

    [Fact]
    public async Task TryAcquireWithTimeout_ReleasedInTime_ReturnsTrue()
    {
        await _lock.AcquireAsync();
        var attempt = _lock.TryAcquireAsync(TimeSpan.FromSeconds(20));
        await AwaitWaitingAsync(1);
        await _lock.ReleaseAsync();
        Assert.True(await attempt);
        Assert.True(await _lock.IsLockedAsync());
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-5000)]
    public async Task TryAcquire_NegativeTimeout_ThrowsArgumentOutOfRange(int milliseconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _lock.TryAcquireAsync(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.False(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task TryAcquire_InfiniteTimeout_IsAccepted()
    {
        Assert.True(await _lock.TryAcquireAsync(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task LockAsync_Disposed_ReleasesOnceEvenIfDisposedTwice()
    {
        var lease = await _lock.LockAsync();
        Assert.True(await _lock.IsLockedAsync());
        await lease.DisposeAsync();
        Assert.True(lease.IsReleased);
        Assert.False(await _lock.IsLockedAsync());

        await _lock.AcquireAsync();
        await lease.DisposeAsync();
        Assert.True(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task LockAsync_LeaseOfOldGrant_DoesNotReleaseANewerHolder()
    {
        var first = await _lock.LockAsync();
        await _lock.ReleaseAsync();
        var second = await _lock.LockAsync();
        Assert.True(second.FencingToken > first.FencingToken);
        first.Dispose();
        Assert.Equal(second.FencingToken, (await _lock.GetStateAsync()).FencingToken);
        Assert.True(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task Acquire_AlreadyCancelledToken_ThrowsWithoutTouchingState()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _lock.AcquireAsync(cancelled.Token));
        var state = await _lock.GetStateAsync();
        Assert.Equal((false, 0L), (state.Locked, state.FencingToken));
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_ThrowsAndLeavesNoWaiter()
    {
        await _lock.AcquireAsync();
        using var cancellation = new CancellationTokenSource();
        var waiting = _lock.AcquireAsync(cancellation.Token);
        await AwaitWaitingAsync(1);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, (await _lock.GetStateAsync()).Waiting);
        await _lock.ReleaseAsync();
        Assert.False(await _lock.IsLockedAsync());
    }

    [Fact]
    public async Task Waiters_AreServedInArrivalOrder()
    {
        await _lock.AcquireAsync();
        var order = new List<int>();
        var waiters = new List<Task>();
        for (var i = 0; i < 8; i++)
        {
            var index = i;
            waiters.Add(Task.Run(async () =>
            {
                await using (await _lock.LockAsync()) order.Add(index);
            }));
            await AwaitWaitingAsync(i + 1);
        }

        await _lock.ReleaseAsync();
        await Task.WhenAll(waiters).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 8), order);
    }

    [Fact]
    public async Task OwnerHandle_Disposed_ReleasesItsLockToTheNextWaiter()
    {
        var owner = ActorOwner.Create(Sys);
        await _lock.WithOwner(owner.Ref).AcquireAsync();
        var next = _lock.AcquireAsync();
        await AwaitWaitingAsync(1);
        await owner.DisposeAsync();
        await next.WaitAsync(Patience);
        Assert.True(await _lock.IsLockedAsync());
    }

    [Fact]
    public void Constructor_NullCoordinator_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorLock(null!));
        Assert.Throws<ArgumentNullException>(() => ActorLock.Create(null!));
    }

    [Fact]
    public async Task Facade_StoppedCoordinator_FailsWaitingCallWithObjectDisposed()
    {
        await _lock.AcquireAsync();
        var waiting = _lock.AcquireAsync();
        await AwaitWaitingAsync(1);
        Sys.Stop(_lock.Coordinator);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Patience));
    }

    private Task AwaitWaitingAsync(int count) =>
        AwaitAssertAsync(async () => Assert.Equal(count, (await _lock.GetStateAsync()).Waiting), Patience);
}
