using Actors.Owners;
using Actors.RLock;

namespace Actors.Tests.RLock;

/// <summary>
/// What only the async facade <see cref="ActorRLock"/> does (depth, ownership, re-entry), with owners made from
/// <see cref="ActorOwner"/>. The acquire contract it shares with the other facades runs in
/// <see cref="RLockFacadeContractTests"/>.
/// </summary>
/// <remarks>Owners live until the test's actor system shuts down.</remarks>
public sealed class RLockFacadeTests : CoordinatorTestKit
{
    private readonly IActorRef _coordinator;

    public RLockFacadeTests() => _coordinator = ActorRLock.CreateCoordinator(Sys);

    [Fact]
    public void Constructor_AnonymousOwner_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ActorRLock(_coordinator, ActorRefs.Nobody));
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullException()
    {
        var owner = NewOwner();
        Assert.Throws<ArgumentNullException>(() => new ActorRLock(null!, owner.Ref));
        Assert.Throws<ArgumentNullException>(() => new ActorRLock(_coordinator, null!));
    }

    [Fact]
    public void WithOwner_AnonymousOwner_ThrowsArgumentException()
    {
        var rlock = NewLock();
        Assert.Throws<ArgumentException>(() => rlock.WithOwner(ActorRefs.Nobody));
    }

    [Fact]
    public async Task AcquireAsync_Repeated_ReturnsIncreasingDepths()
    {
        var rlock = NewLock();
        Assert.Equal(1, await rlock.AcquireAsync());
        Assert.Equal(2, await rlock.AcquireAsync());
        Assert.Equal(3, await rlock.AcquireAsync());
        var state = await rlock.GetStateAsync();
        Assert.Equal((rlock.Owner, 3, 1L), (state.Owner, state.Depth, state.FencingToken));
        Assert.True(await rlock.IsOwnedAsync());
    }

    [Fact]
    public async Task ReleaseAsync_AfterThreeAcquires_ReturnsDecreasingDepthsAndFreesAtZero()
    {
        var rlock = NewLock();
        for (var i = 0; i < 3; i++) await rlock.AcquireAsync();
        Assert.Equal(2, await rlock.ReleaseAsync());
        Assert.Equal(1, await rlock.ReleaseAsync());
        Assert.True(await rlock.IsOwnedAsync());
        Assert.Equal(0, await rlock.ReleaseAsync());
        var state = await rlock.GetStateAsync();
        Assert.Equal((null, 0, false), (state.Owner, state.Depth, state.Locked));
        Assert.False(await rlock.IsOwnedAsync());
    }

    [Fact]
    public async Task ReleaseAsync_ByDifferentOwner_ThrowsSynchronizationLockExceptionAndStateUnchanged()
    {
        var a = NewLock();
        var b = a.WithOwner(NewOwner().Ref);
        await a.AcquireAsync();
        await a.AcquireAsync();
        await Assert.ThrowsAsync<SynchronizationLockException>(() => b.ReleaseAsync());
        var state = await a.GetStateAsync();
        Assert.Equal((a.Owner, 2), (state.Owner, state.Depth));
        Assert.False(await b.IsOwnedAsync());
    }

    [Fact]
    public async Task ReleaseAsync_Unlocked_ThrowsSynchronizationLockException()
    {
        var rlock = NewLock();
        await Assert.ThrowsAsync<SynchronizationLockException>(() => rlock.ReleaseAsync());
        await rlock.AcquireAsync();
        Assert.Equal(0, await rlock.ReleaseAsync());
        await Assert.ThrowsAsync<SynchronizationLockException>(() => rlock.ReleaseAsync());
        Assert.False((await rlock.GetStateAsync()).Locked);
    }

    [Fact]
    public async Task LockAsync_NestedTwice_RestoresDepthOnEachDisposal()
    {
        var rlock = NewLock();
        await using (var outer = await rlock.LockAsync())
        {
            Assert.Equal(1, (await rlock.GetStateAsync()).Depth);
            await using (var inner = await rlock.LockAsync())
            {
                Assert.Equal(2, (await rlock.GetStateAsync()).Depth);
                Assert.Equal(outer.FencingToken, inner.FencingToken);
            }

            var afterInner = await rlock.GetStateAsync();
            Assert.Equal((rlock.Owner, 1), (afterInner.Owner, afterInner.Depth));
        }

        var afterOuter = await rlock.GetStateAsync();
        Assert.Equal((null, 0), (afterOuter.Owner, afterOuter.Depth));
    }

    [Fact]
    public async Task LockAsync_LeaseDisposedTwice_ReleasesOnce()
    {
        var rlock = NewLock();
        await rlock.AcquireAsync();
        var lease = await rlock.LockAsync();
        await lease.DisposeAsync();
        await lease.DisposeAsync();
        lease.Dispose();
        Assert.True(lease.IsReleased);
        var state = await rlock.GetStateAsync();
        Assert.Equal((rlock.Owner, 1), (state.Owner, state.Depth));
    }

    [Fact]
    public async Task TryAcquireAsync_HeldBySameOwner_ReturnsTrueAndIncrementsDepth()
    {
        var rlock = NewLock();
        Assert.True(await rlock.TryAcquireAsync());
        Assert.True(await rlock.TryAcquireAsync());
        Assert.True(await rlock.TryAcquireAsync(TimeSpan.Zero));
        Assert.Equal(3, (await rlock.GetStateAsync()).Depth);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesStateUnchanged()
    {
        var a = NewLock();
        var b = a.WithOwner(NewOwner().Ref);
        await a.AcquireAsync();
        await a.AcquireAsync();
        using var cts = new CancellationTokenSource();
        var pending = b.AcquireAsync(cts.Token);
        await Waiters.AwaitAsync(this, a, 1);
        Assert.False(pending.IsCompleted);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patience));
        var state = await a.GetStateAsync();
        Assert.Equal((a.Owner, 2, 0), (state.Owner, state.Depth, state.Waiting));

        Assert.Equal(1, await a.ReleaseAsync());
        Assert.Equal(0, await a.ReleaseAsync());
        var free = await a.GetStateAsync();
        Assert.Equal((null, 1L), (free.Owner, free.FencingToken));
    }

    [Fact]
    public async Task OwnerDisposal_HoldingDepthThree_GrantsPendingAcquireOfAnotherOwner()
    {
        var doomed = ActorOwner.Create(Sys);
        var a = new ActorRLock(_coordinator, doomed.Ref);
        var b = a.WithOwner(NewOwner().Ref);
        for (var i = 0; i < 3; i++) await a.AcquireAsync();
        var pending = b.AcquireAsync();
        await Waiters.AwaitAsync(this, b, 1);
        Assert.False(pending.IsCompleted);

        await doomed.DisposeAsync();

        Assert.Equal(1, await pending.WaitAsync(Patience));
        var state = await b.GetStateAsync();
        Assert.Equal((b.Owner, 1, 2L, 0), (state.Owner, state.Depth, state.FencingToken, state.Waiting));
    }

    private ActorOwner NewOwner() => ActorOwner.Create(Sys);

    private ActorRLock NewLock() => new(_coordinator, NewOwner().Ref);
}
