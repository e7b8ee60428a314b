using Actors.Owners;
using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// The async facade <see cref="ActorSemaphore"/>: argument checks, the exceptions it maps replies to, cancellation,
/// leases and owners. Waits are ordered by observing the coordinator's state (AwaitAssert on Waiting), never by sleeping.
/// </summary>
public sealed class SemaphoreFacadeTests : CoordinatorTestKit
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    private static async Task AssertStateAsync(ActorSemaphore sem, int value, int heldByOwners, int waiting)
    {
        var state = await sem.GetStateAsync();
        Assert.Equal((value, heldByOwners, waiting), (state.Value, state.HeldByOwners, state.Waiting));
    }

    /// <summary>Returns once the coordinator has queued <paramref name="count"/> waiting requests.</summary>
    private Task AwaitWaitingAsync(ActorSemaphore sem, int count) =>
        AwaitAssertAsync(async () => Assert.Equal(count, (await sem.GetStateAsync()).Waiting), Settle, TimeSpan.FromMilliseconds(20));

    // ---- creation and argument validation -----------------------------------------------------------------------

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Create_NegativeInitialValue_ThrowsArgumentOutOfRange(int initialValue)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSemaphore.Create(Sys, initialValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSemaphore.CreateBounded(Sys, initialValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSemaphore.Props(initialValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSemaphore.Props(initialValue, bounded: true));
    }

    [Fact]
    public async Task Create_Default_HasOnePermitAndNoBound()
    {
        var state = await ActorSemaphore.Create(Sys).GetStateAsync();
        Assert.Equal((1, (int?)null, 0, 0), (state.Value, state.Bound, state.HeldByOwners, state.Waiting));
    }

    [Fact]
    public async Task CreateBounded_InitialValue_ReportsItAsBound()
    {
        var state = await ActorSemaphore.CreateBounded(Sys, 3).GetStateAsync();
        Assert.Equal((3, (int?)3), (state.Value, state.Bound));
    }

    [Fact]
    public async Task Create_ZeroInitialValue_HasNoFreePermit()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        Assert.False(await sem.TryAcquireAsync());
        Assert.Equal(0, await sem.GetValueAsync());
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorSemaphore(null!));
        var sem = ActorSemaphore.Create(Sys);
        Assert.Throws<ArgumentNullException>(() => sem.WithOwner(null!));
        Assert.Throws<ArgumentNullException>(() => ActorSemaphore.Create(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task ReleaseAsync_CountBelowOne_ThrowsArgumentOutOfRangeAndValueUnchanged(int count)
    {
        var sem = ActorSemaphore.Create(Sys, 2);
        await sem.AcquireAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sem.ReleaseAsync(count));
        Assert.Equal(1, await sem.GetValueAsync());
    }

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public async Task TryAcquireAsync_NegativeTimeout_ThrowsArgumentOutOfRangeAndValueUnchanged(long ticks)
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sem.TryAcquireAsync(TimeSpan.FromTicks(ticks)));
        await AssertStateAsync(sem, value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public async Task TryAcquireAsync_InfiniteTimeoutPermitFree_ReturnsTrue()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        Assert.True(await sem.TryAcquireAsync(Timeout.InfiniteTimeSpan));
        Assert.Equal(0, await sem.GetValueAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_InfiniteTimeoutNoPermitFree_WaitsUntilRelease()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var acquiring = sem.TryAcquireAsync(Timeout.InfiniteTimeSpan);
        await AwaitWaitingAsync(sem, 1);
        Assert.False(acquiring.IsCompleted);
        Assert.Equal(0, await sem.ReleaseAsync());
        Assert.True(await acquiring.WaitAsync(Patience));
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
    }

    // ---- acquire and try-acquire --------------------------------------------------------------------------------

    [Fact]
    public async Task TryAcquireAsync_NoTimeoutNoPermitFree_ReturnsFalseAndNeverWaits()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        Assert.True(await sem.TryAcquireAsync());
        Assert.False(await sem.TryAcquireAsync());
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);

        // Never queued: a later release is not taken by the failed attempt.
        Assert.Equal(1, await sem.ReleaseAsync());
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_TimedNoPermitFree_ReturnsFalseAndLeavesNoWaiter()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        Assert.False(await sem.TryAcquireAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
        Assert.Equal(1, await sem.ReleaseAsync());
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task TryAcquireAsync_TimedPermitReleasedInTime_ReturnsTrue()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var acquiring = sem.TryAcquireAsync(TimeSpan.FromMinutes(5));
        await AwaitWaitingAsync(sem, 1);
        await sem.ReleaseAsync();
        Assert.True(await acquiring.WaitAsync(Patience));
        Assert.Equal(0, await sem.GetValueAsync());
    }

    [Fact]
    public async Task AcquireAsync_Waiters_AreGrantedInArrivalOrder()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var waiters = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            waiters.Add(sem.AcquireAsync());
            await AwaitWaitingAsync(sem, i + 1);
        }

        for (var i = 0; i < waiters.Count; i++)
        {
            await sem.ReleaseAsync();
            await waiters[i].WaitAsync(Patience);
            await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: waiters.Count - i - 1);
        }
    }

    // ---- release ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ReleaseAsync_BoundedAtInitialValue_ThrowsSemaphoreFullAndValueUnchanged()
    {
        var sem = ActorSemaphore.CreateBounded(Sys, 2);
        await Assert.ThrowsAsync<SemaphoreFullException>(() => sem.ReleaseAsync());
        Assert.Equal(2, await sem.GetValueAsync());

        await sem.AcquireAsync();
        await Assert.ThrowsAsync<SemaphoreFullException>(() => sem.ReleaseAsync(2));
        Assert.Equal(1, await sem.GetValueAsync());
        Assert.Equal(2, await sem.ReleaseAsync());
    }

    [Fact]
    public async Task ReleaseAsync_UnboundedAboveInitialValue_RaisesTheValue()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        Assert.Equal(3, await sem.ReleaseAsync(2));
        Assert.Equal(3, await sem.GetValueAsync());
    }

    [Fact]
    public async Task ReleaseAsync_BeyondIntMaxValuePermits_ThrowsArgumentOutOfRangeAndValueUnchanged()
    {
        var semaphore = ActorSemaphore.Create(Sys, 5);
        Assert.Equal(int.MaxValue, await semaphore.ReleaseAsync(int.MaxValue - 5));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => semaphore.ReleaseAsync(1));
        Assert.Equal("count", error.ParamName);

        Assert.Equal(int.MaxValue, await semaphore.GetValueAsync());
        Assert.True(await semaphore.TryAcquireAsync());
        Assert.Equal(int.MaxValue - 1, await semaphore.GetValueAsync());
    }

    [Fact]
    public async Task ReleaseAsync_CountThreeWithFiveWaiters_CompletesExactlyTheFirstThree()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var waiters = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            waiters.Add(sem.AcquireAsync());
            await AwaitWaitingAsync(sem, i + 1);
        }

        Assert.Equal(0, await sem.ReleaseAsync(3));
        await Task.WhenAll(waiters.Take(3)).WaitAsync(Patience);
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 2);
        Assert.All(waiters.Skip(3), w => Assert.False(w.IsCompleted));

        await sem.ReleaseAsync(2);
        await Task.WhenAll(waiters).WaitAsync(Patience);
    }

    // ---- cancellation -------------------------------------------------------------------------------------------

    [Fact]
    public async Task AcquireAsync_AlreadyCancelledTokenPermitFree_ThrowsAndTakesNoPermit()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        var token = new CancellationToken(canceled: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.AcquireAsync(token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.TryAcquireAsync(TimeSpan.FromSeconds(1), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.TryAcquireAsync(TimeSpan.Zero, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.EnterAsync(token));
        await AssertStateAsync(sem, value: 1, heldByOwners: 0, waiting: 0);
    }

    [Fact]
    public async Task AcquireAsync_AlreadyCancelledTokenNoPermitFree_ThrowsAndLeavesNoWaiter()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var token = new CancellationToken(canceled: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.AcquireAsync(token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sem.EnterAsync(token));
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
        Assert.Equal(1, await sem.ReleaseAsync());
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndThePermitIsNotLost()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        await sem.AcquireAsync();
        using var cts = new CancellationTokenSource();
        var waiting = sem.AcquireAsync(cts.Token);
        await AwaitWaitingAsync(sem, 1);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
        Assert.Equal(1, await sem.ReleaseAsync());
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_ThrowsAndTheNextWaiterGetsThePermit()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        var held = await sem.EnterAsync();
        using var cts = new CancellationTokenSource();
        var cancelled = sem.EnterAsync(cts.Token);
        await AwaitWaitingAsync(sem, 1);
        var next = sem.EnterAsync();
        await AwaitWaitingAsync(sem, 2);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        await held.DisposeAsync();
        var lease = await next.WaitAsync(Patience);
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
        await lease.DisposeAsync();
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task AcquireAsync_CancelRacingRelease_NeverLosesOrDuplicatesAPermit()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        var (granted, cancelled) = (0, 0);
        for (var i = 0; i < 200; i++)
        {
            await sem.AcquireAsync();
            using var cts = new CancellationTokenSource();
            var waiting = sem.AcquireAsync(cts.Token);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cancel = Task.Run(async () => { await start.Task; cts.Cancel(); });
            var release = Task.Run(async () => { await start.Task; await sem.ReleaseAsync(); });
            start.SetResult();
            await Task.WhenAll(cancel, release).WaitAsync(Patience);
            try
            {
                await waiting.WaitAsync(Patience);
                granted++;
                await sem.ReleaseAsync();
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }

            // A grant that crossed the cancel was given back (by a Tell sent before the exception was thrown).
            await AssertStateAsync(sem, value: 1, heldByOwners: 0, waiting: 0);
        }

        Assert.Equal(200, granted + cancelled);
    }

    // ---- leases -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task EnterAsync_LeaseDisposed_ReturnsThePermit()
    {
        var sem = ActorSemaphore.Create(Sys, 2);
        await using (await sem.EnterAsync())
        {
            Assert.Equal(1, await sem.GetValueAsync());
        }

        Assert.Equal(2, await sem.GetValueAsync());
    }

    [Fact]
    public async Task EnterAsync_LeaseDisposedTwice_ReturnsThePermitOnlyOnce()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        var lease = await sem.EnterAsync();
        Assert.False(lease.IsReleased);
        await lease.DisposeAsync();
        await lease.DisposeAsync();
        lease.Dispose();
        Assert.True(lease.IsReleased);
        // Unbounded: a second release would have raised the value to 2.
        Assert.Equal(1, await sem.GetValueAsync());
    }

    [Fact]
    public async Task EnterAsync_NoPermitFree_WaitsUntilALeaseIsDisposed()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        var first = await sem.EnterAsync();
        var second = sem.EnterAsync();
        await AwaitWaitingAsync(sem, 1);
        Assert.False(second.IsCompleted);
        first.Dispose();
        await using (await second.WaitAsync(Patience))
        {
            await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 0);
        }

        Assert.Equal(1, await sem.GetValueAsync());
    }

    // ---- owners -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task WithOwner_Acquire_CountsThePermitsAsHeldByOwners()
    {
        var sem = ActorSemaphore.Create(Sys, 3);
        var owner = ActorOwner.Create(Sys);
        var owned = sem.WithOwner(owner.Ref);
        Assert.Equal(owner.Ref, owned.Owner);
        Assert.Equal(sem.Coordinator, owned.Coordinator);
        await owned.AcquireAsync();
        await using (await owned.EnterAsync())
        {
            await AssertStateAsync(sem, value: 1, heldByOwners: 2, waiting: 0);
        }

        await AssertStateAsync(sem, value: 2, heldByOwners: 1, waiting: 0);
        Assert.Equal(3, await owned.ReleaseAsync());
        await AssertStateAsync(sem, value: 3, heldByOwners: 0, waiting: 0);
        await owner.DisposeAsync();
    }

    [Fact]
    public async Task OwnerDeath_ActorOwnerHoldingPermits_ReturnsThemAndAWaitingCallerGetsOne()
    {
        var sem = ActorSemaphore.Create(Sys, 2);
        var owner = ActorOwner.Create(Sys);
        var owned = sem.WithOwner(owner.Ref);
        await owned.AcquireAsync();
        _ = await owned.EnterAsync(); // never disposed: only the owner's death returns it
        var waiting = sem.AcquireAsync();
        await AwaitWaitingAsync(sem, 1);
        await AssertStateAsync(sem, value: 0, heldByOwners: 2, waiting: 1);

        await owner.DisposeAsync();
        await waiting.WaitAsync(Patience);
        await AwaitAssertAsync(() => AssertStateAsync(sem, value: 1, heldByOwners: 0, waiting: 0), Settle);
    }

    [Fact]
    public async Task OwnerDeath_ActorOwnerWaiting_ItsCallFailsAndThePermitGoesToTheNext()
    {
        var sem = ActorSemaphore.Create(Sys, 1);
        await sem.AcquireAsync();
        var owner = ActorOwner.Create(Sys);
        var doomed = sem.WithOwner(owner.Ref).AcquireAsync();
        await AwaitWaitingAsync(sem, 1);
        var next = sem.AcquireAsync();
        await AwaitWaitingAsync(sem, 2);

        await owner.DisposeAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => doomed.WaitAsync(Patience));
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 1);
        await sem.ReleaseAsync();
        await next.WaitAsync(Patience);
    }

    [Fact]
    public async Task OwnerDeath_AfterReleasingWhatItHeld_ReturnsNothingMore()
    {
        var sem = ActorSemaphore.Create(Sys, 2);
        var owner = ActorOwner.Create(Sys);
        var owned = sem.WithOwner(owner.Ref);
        await owned.AcquireAsync();
        await owned.AcquireAsync();
        Assert.Equal(2, await owned.ReleaseAsync(2));
        await sem.AcquireAsync();
        await sem.AcquireAsync();
        var waiting = sem.AcquireAsync();
        await AwaitWaitingAsync(sem, 1);
        // A waiting request of the owner: its OwnerTerminated failure proves the coordinator handled the death.
        var ownerWait = owned.AcquireAsync();
        await AwaitWaitingAsync(sem, 2);

        await owner.DisposeAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ownerWait.WaitAsync(Patience));
        Assert.False(waiting.IsCompleted);
        await AssertStateAsync(sem, value: 0, heldByOwners: 0, waiting: 1);
        await sem.ReleaseAsync();
        await waiting.WaitAsync(Patience);
    }

    // ---- coordinator stopped ------------------------------------------------------------------------------------

    [Fact]
    public async Task AcquireAsync_CoordinatorStoppedWhileWaiting_ThrowsObjectDisposed()
    {
        var sem = ActorSemaphore.Create(Sys, 0);
        var waiting = sem.AcquireAsync();
        await AwaitWaitingAsync(sem, 1);
        Sys.Stop(sem.Coordinator);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Patience));
    }
}
