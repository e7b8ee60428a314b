namespace Actors.Tests.Contracts;

/// <summary>
/// The acquire contract of the async facades of every lock-like primitive (ActorLock, ActorRLock, ActorSemaphore
/// unbounded and bounded): what each returns or throws, that cancellation and timeouts leave no waiter, FIFO service,
/// leases that release once, owner death and a stopped coordinator. Each caller acts for an owner of its own
/// (<see cref="Actors.Owners.ActorOwner"/>), so re-entrant variants behave as plain ones across callers. What only one
/// facade does stays in its own test class.
/// </summary>
public abstract class AcquireFacadeContract : CoordinatorTestKit
{
    /// <summary>A coordinator with exactly one grant available.</summary>
    protected abstract IActorRef CreateCoordinator();

    /// <summary>The variant's facade over <paramref name="coordinator"/> acting for <paramref name="owner"/>.</summary>
    protected abstract AcquireCaller CallerOf(IActorRef coordinator, IActorRef owner);

    private readonly IActorRef _coordinator;

    protected AcquireFacadeContract() => _coordinator = CreateCoordinator();

    /// <summary>A caller acting for a new owner of its own.</summary>
    protected AcquireCaller NewCaller() => CallerOf(_coordinator, Actors.Owners.ActorOwner.Create(Sys).Ref);

    /// <summary>A caller acting for <paramref name="owner"/>.</summary>
    protected AcquireCaller CallerFor(IActorRef owner) => CallerOf(_coordinator, owner);

    private async Task AssertStateAsync(AcquireCaller caller, bool free, int waiting)
    {
        Assert.Equal(free, await caller.IsFreeAsync());
        Assert.Equal(waiting, (await caller.Facade.GetStatisticsAsync()).Waiting);
    }

    // ---- try-acquire --------------------------------------------------------------------------------------------

    [Fact]
    public async Task TryAcquire_Held_ReturnsFalseWithoutWaitingAndTakesNoLaterRelease()
    {
        var (a, b) = (NewCaller(), NewCaller());
        Assert.True(await a.TryAcquireNowAsync());
        Assert.False(await b.TryAcquireNowAsync());
        await AssertStateAsync(a, free: false, waiting: 0);
        Assert.NotEqual(false, await a.HoldsAsync());
        Assert.NotEqual(true, await b.HoldsAsync());
        await a.ReleaseAsync();
        await AssertStateAsync(a, free: true, waiting: 0);
    }

    [Fact]
    public async Task TryAcquireWithTimeout_StaysHeld_ReturnsFalseAndLeavesNoWaiter()
    {
        var (a, b) = (NewCaller(), NewCaller());
        await a.AcquireAsync(CancellationToken.None);
        Assert.False(await b.TryAcquireAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None).WaitAsync(Patience));
        await AssertStateAsync(a, free: false, waiting: 0);
        await a.ReleaseAsync();
        await AssertStateAsync(a, free: true, waiting: 0);
    }

    [Fact]
    public async Task TryAcquireWithTimeout_ReleasedInTime_ReturnsTrue()
    {
        var (a, b) = (NewCaller(), NewCaller());
        await a.AcquireAsync(CancellationToken.None);
        var attempt = b.TryAcquireAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        await Waiters.AwaitAsync(this, b.Facade, 1);
        Assert.False(attempt.IsCompleted);
        await a.ReleaseAsync();
        Assert.True(await attempt.WaitAsync(Patience));
        await AssertStateAsync(a, free: false, waiting: 0);
        Assert.NotEqual(false, await b.HoldsAsync());
    }

    [Fact]
    public async Task TryAcquire_InfiniteTimeout_GrantsWhenFreeAndWaitsWhenHeld()
    {
        var (a, b) = (NewCaller(), NewCaller());
        Assert.True(await a.TryAcquireAsync(Timeout.InfiniteTimeSpan, CancellationToken.None));
        var attempt = b.TryAcquireAsync(Timeout.InfiniteTimeSpan, CancellationToken.None);
        await Waiters.AwaitAsync(this, b.Facade, 1);
        Assert.False(attempt.IsCompleted);
        await a.ReleaseAsync();
        Assert.True(await attempt.WaitAsync(Patience));
    }

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.FromMilliseconds(-5000).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public async Task TryAcquire_NegativeTimeout_ThrowsArgumentOutOfRangeAndStateUnchanged(long ticks)
    {
        var (a, b) = (NewCaller(), NewCaller());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => a.TryAcquireAsync(TimeSpan.FromTicks(ticks), CancellationToken.None));
        await AssertStateAsync(a, free: true, waiting: 0);
        await a.AcquireAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => a.TryAcquireAsync(TimeSpan.FromTicks(ticks), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => b.TryAcquireAsync(TimeSpan.FromTicks(ticks), CancellationToken.None));
        await AssertStateAsync(a, free: false, waiting: 0);
    }

    // ---- cancellation -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Acquire_AlreadyCancelledToken_ThrowsWithoutTouchingState()
    {
        var (a, b) = (NewCaller(), NewCaller());
        var cancelled = new CancellationToken(canceled: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.AcquireAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.EnterAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.TryAcquireAsync(TimeSpan.Zero, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.TryAcquireAsync(TimeSpan.FromSeconds(1), cancelled));
        await AssertStateAsync(a, free: true, waiting: 0);
        Assert.Equal(0, (await a.Facade.GetStatisticsAsync()).Acquisitions);

        await a.AcquireAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.AcquireAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.AcquireAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.EnterAsync(cancelled));
        await AssertStateAsync(a, free: false, waiting: 0);
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_ThrowsLeavesNoWaiterAndTheGrantGoesToTheNext()
    {
        var (a, b, c) = (NewCaller(), NewCaller(), NewCaller());
        await a.AcquireAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var cancelled = b.AcquireAsync(cancellation.Token);
        await Waiters.AwaitAsync(this, a.Facade, 1);
        var next = c.EnterAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, a.Facade, 2);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        await AssertStateAsync(a, free: false, waiting: 1);
        await a.ReleaseAsync();
        var lease = await next.WaitAsync(Patience);
        await AssertStateAsync(a, free: false, waiting: 0);
        await lease.DisposeAsync();
        await AssertStateAsync(a, free: true, waiting: 0);
    }

    // ---- order, leases, owners, stop ----------------------------------------------------------------------------

    [Fact]
    public async Task Waiters_AreServedInArrivalOrder()
    {
        var holder = NewCaller();
        await holder.AcquireAsync(CancellationToken.None);
        var order = new List<int>();
        var waiters = new List<Task>();
        for (var i = 0; i < 8; i++)
        {
            var index = i;
            var caller = NewCaller();
            waiters.Add(Task.Run(async () =>
            {
                await using (await caller.EnterAsync(CancellationToken.None)) order.Add(index);
            }));
            await Waiters.AwaitAsync(this, holder.Facade, i + 1);
        }

        await holder.ReleaseAsync();
        await Task.WhenAll(waiters).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 8), order);
    }

    [Fact]
    public async Task Enter_LeaseDisposedTwice_ReleasesOnce()
    {
        var (a, b) = (NewCaller(), NewCaller());
        var lease = await a.EnterAsync(CancellationToken.None);
        Assert.False(lease.IsReleased);
        await AssertStateAsync(a, free: false, waiting: 0);
        await lease.DisposeAsync();
        Assert.True(lease.IsReleased);
        await AssertStateAsync(a, free: true, waiting: 0);

        await b.AcquireAsync(CancellationToken.None);
        await lease.DisposeAsync();
        lease.Dispose();
        await AssertStateAsync(a, free: false, waiting: 0); // b still holds: the second disposal released nothing
    }

    [Fact]
    public async Task Enter_NotFree_WaitsUntilALeaseIsDisposed()
    {
        var (a, b) = (NewCaller(), NewCaller());
        var first = await a.EnterAsync(CancellationToken.None);
        var second = b.EnterAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, a.Facade, 1);
        Assert.False(second.IsCompleted);
        first.Dispose();
        await using (await second.WaitAsync(Patience))
        {
            await AssertStateAsync(a, free: false, waiting: 0);
        }

        await AssertStateAsync(a, free: true, waiting: 0);
    }

    [Fact]
    public async Task OwnerDisposed_Holding_ReleasesToTheNextWaiter()
    {
        var owner = Actors.Owners.ActorOwner.Create(Sys);
        var (doomed, next) = (CallerOf(_coordinator, owner.Ref), NewCaller());
        await doomed.AcquireAsync(CancellationToken.None);
        var waiting = next.AcquireAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, next.Facade, 1);
        await owner.DisposeAsync();
        await waiting.WaitAsync(Patience);
        await AssertStateAsync(next, free: false, waiting: 0);
        Assert.NotEqual(false, await next.HoldsAsync());
    }

    [Fact]
    public async Task OwnerDisposed_Waiting_ItsCallFailsAndTheGrantGoesToTheNext()
    {
        var owner = Actors.Owners.ActorOwner.Create(Sys);
        var (holder, doomed, next) = (NewCaller(), CallerOf(_coordinator, owner.Ref), NewCaller());
        await holder.AcquireAsync(CancellationToken.None);
        var doomedCall = doomed.AcquireAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, holder.Facade, 1);
        var nextCall = next.AcquireAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, holder.Facade, 2);

        await owner.DisposeAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => doomedCall.WaitAsync(Patience));
        await AssertStateAsync(holder, free: false, waiting: 1);
        await holder.ReleaseAsync();
        await nextCall.WaitAsync(Patience);
    }

    [Fact]
    public async Task CoordinatorStopped_WaitingCallFailsWithObjectDisposed()
    {
        var (a, b) = (NewCaller(), NewCaller());
        await a.AcquireAsync(CancellationToken.None);
        var waiting = b.AcquireAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, b.Facade, 1);
        Sys.Stop(_coordinator);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Patience));
    }
}
