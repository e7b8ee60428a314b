using Actors.Lock;

namespace Actors.Tests.Lock;

/// <summary>
/// What only <see cref="ActorLock"/> does: locked/unlocked, releasing an unheld lock, leases bound to their fencing
/// token. The acquire contract it shares with the other facades runs in <see cref="LockFacadeContractTests"/>.
/// </summary>
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
    public void Constructor_NullCoordinator_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorLock(null!));
        Assert.Throws<ArgumentNullException>(() => ActorLock.Create(null!));
    }
}
