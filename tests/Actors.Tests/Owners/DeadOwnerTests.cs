using Actors.Lock;
using Actors.Owners;
using Actors.Semaphore;

namespace Actors.Tests.Owners;

/// <summary>
/// An owner that has already ended is never granted anything: a disposed <see cref="ActorOwner"/> handle is refused by
/// the facade at once, and a coordinator that receives a request for an owner it finds terminated rejects it, so two
/// callers never both believe they hold a lock or the last permit.
/// </summary>
public sealed class DeadOwnerTests : CoordinatorTestKit
{
    [Fact]
    public async Task Lock_DisposedOwner_IsRefusedAtOnce_AndALiveOwnerStillGetsTheLock()
    {
        var mutex = ActorLock.Create(Sys);
        var gone = ActorOwner.Create(Sys);
        await gone.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => mutex.WithOwner(gone.Ref).TryAcquireAsync(TimeSpan.Zero)).WaitAsync(Patience);

        await using var live = ActorOwner.Create(Sys);
        Assert.True(await mutex.WithOwner(live.Ref).TryAcquireAsync(TimeSpan.Zero).WaitAsync(Patience));
        Assert.False(await mutex.TryAcquireAsync(TimeSpan.Zero).WaitAsync(Patience));
    }

    [Fact]
    public async Task BoundedSemaphore_DisposedOwner_IsRefusedAtOnce_AndTheLastPermitStaysForALiveOwner()
    {
        var semaphore = ActorSemaphore.CreateBounded(Sys, 1);
        var gone = ActorOwner.Create(Sys);
        await gone.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => semaphore.WithOwner(gone.Ref).TryAcquireAsync(TimeSpan.Zero)).WaitAsync(Patience);

        await using var live = ActorOwner.Create(Sys);
        Assert.True(await semaphore.WithOwner(live.Ref).TryAcquireAsync(TimeSpan.Zero).WaitAsync(Patience));
        Assert.False(await semaphore.TryAcquireAsync(TimeSpan.Zero).WaitAsync(Patience));
    }

    [Fact]
    public void LockCoordinator_RequestForATerminatedOwner_IsRejectedAndGrantsNothing()
    {
        var mutex = Sys.ActorOf(ActorLock.Props());
        var replyTo = CreateTestProbe();
        var dead = DeadOwner();

        mutex.Tell(new LockProtocol.Acquire(1, dead), replyTo.Ref);

        Assert.Equal(RejectionReason.OwnerTerminated, replyTo.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        var live = CreateTestProbe();
        mutex.Tell(new LockProtocol.Acquire(2, live.Ref, TimeSpan.Zero), live.Ref);
        live.ExpectMsg<LockProtocol.Acquired>();
    }

    [Fact]
    public void BoundedSemaphoreCoordinator_RequestForATerminatedOwner_IsRejectedAndGrantsNothing()
    {
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(1, bounded: true));
        var replyTo = CreateTestProbe();
        var dead = DeadOwner();

        semaphore.Tell(new SemaphoreProtocol.Acquire(1, dead), replyTo.Ref);

        Assert.Equal(RejectionReason.OwnerTerminated, replyTo.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        var live = CreateTestProbe();
        semaphore.Tell(new SemaphoreProtocol.Acquire(2, live.Ref, TimeSpan.Zero), live.Ref);
        live.ExpectMsg<SemaphoreProtocol.Acquired>();
    }

    /// <summary>An actor reference whose actor has stopped, as the reference of a disposed owner is.</summary>
    private IActorRef DeadOwner()
    {
        var owner = CreateTestProbe();
        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        return owner.Ref;
    }
}
