using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.RLock;

/// <summary>
/// Python's <c>threading.RLock</c> for async code: a facade over a re-entrant lock coordinator, bound to one owner.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Re-entrancy is per explicit <see cref="CoordinatorFacade.Owner"/> (an actor or an <see cref="Owners.ActorOwner"/>), not per
/// thread: an async method resumes on arbitrary threads, so the thread cannot tell who holds the lock. Two facades
/// with the same owner are the same holder.</item>
/// <item>When the owner terminates, the lock is released whatever its depth (Python would keep it locked).</item>
/// <item>Waiting is cancellable, waiters are served in FIFO order, and a grant that crosses a cancellation is given back.</item>
/// </list>
/// </remarks>
public sealed class ActorRLock : HoldingFacade
{
    /// <summary>Creates a facade over an existing re-entrant lock coordinator, acting for <paramref name="owner"/>.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner that acquires and releases; not <see cref="ActorRefs.Nobody"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is the anonymous owner.</exception>
    public ActorRLock(IActorRef coordinator, IActorRef owner) : base(coordinator, owner ?? throw new ArgumentNullException(nameof(owner)))
    {
        if (owner.IsNobody()) throw new ArgumentException("A re-entrant lock needs a real owner (an actor or an ActorOwner).", nameof(owner));
    }

    /// <summary>The props of a re-entrant lock coordinator.</summary>
    public static Props Props() => CoordinatorActor.PropsFor(Behavior);

    /// <summary>
    /// A new re-entrant lock coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>);
    /// its durable state is an <see cref="RLockDurableState"/>.
    /// </summary>
    public static Coordinator Behavior() => new RLockCoordinator();

    /// <summary>Creates a re-entrant lock coordinator under <paramref name="factory"/> and returns its actor reference.</summary>
    /// <remarks>Returns the reference rather than a facade because every facade needs an owner: see <see cref="ActorRLock(IActorRef, IActorRef)"/>.</remarks>
    public static IActorRef CreateCoordinator(IActorRefFactory factory, string? name = null) => Spawn(factory, Props(), name);

    /// <summary>A facade over the same lock acting for another owner.</summary>
    public ActorRLock WithOwner(IActorRef owner) => new(Coordinator, owner);

    /// <summary>Waits until the owner holds the lock, at once if it already does. Python: <c>acquire()</c>.</summary>
    /// <returns>The owner's depth after this acquire.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the depth is unchanged.</exception>
    public async Task<int> AcquireAsync(CancellationToken cancellationToken = default) =>
        (await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false))!.Depth;

    /// <summary>Tries to acquire within <paramref name="timeout"/>. Python: <c>acquire(timeout=...)</c>.</summary>
    /// <param name="timeout">Zero to try without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True if the owner now holds the lock; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the depth is unchanged.</exception>
    public async Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await AcquireCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Acquires only if the lock is free or already the owner's. Python: <c>acquire(blocking=False)</c>.</summary>
    public Task<bool> TryAcquireAsync() => TryAcquireAsync(TimeSpan.Zero);

    /// <summary>Acquires one level and returns a <see cref="Lease"/> that releases it when disposed. Python: <c>with rlock:</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the depth is unchanged.</exception>
    /// <remarks>
    /// The lease's <see cref="Lease.HoldLost"/> fires if the hold is taken away before the lease is disposed (owner
    /// terminated, <see cref="HoldingFacade.ForceReleaseAsync"/>, the maximum hold time, across a cluster a lost node);
    /// its <see cref="Lease.FencingToken"/> lets the guarded resource refuse a holder that has not noticed yet.
    /// </remarks>
    public async Task<Lease> LockAsync(CancellationToken cancellationToken = default)
    {
        var granted = await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false);
        return LeaseOf(granted!.FencingToken, GiveBack);
    }

    /// <summary>Releases one level of the owner's hold. Python: <c>release()</c>.</summary>
    /// <returns>The owner's remaining depth; zero means the lock is free.</returns>
    /// <exception cref="SynchronizationLockException">The owner does not hold the lock.</exception>
    public async Task<int> ReleaseAsync()
    {
        return (await CoordinatorClient.RequestAsync(Coordinator, new RLockProtocol.Release(RequestIds.Next(), Owner)).ConfigureAwait(false)).Depth;
    }

    /// <summary>Whether this facade's owner holds the lock. Python: <c>_is_owned()</c>.</summary>
    public async Task<bool> IsOwnedAsync() => Owner.Equals((await GetStateAsync().ConfigureAwait(false)).Owner);

    /// <summary>The lock's owner, depth, latest fencing token and number of waiters.</summary>
    public async Task<RLockProtocol.RLockState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new RLockProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    private void GiveBack() => CoordinatorClient.Tell(Coordinator, new RLockProtocol.Release(RequestIds.Next(), Owner));

    private Task<RLockProtocol.Acquired?> AcquireCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return CoordinatorClient.WaitForGrantAsync<RLockProtocol.IAcquireReply, RLockProtocol.Acquired>(Coordinator,
            new RLockProtocol.Acquire(RequestIds.Next(), Owner, timeout), _ => GiveBack(), cancellationToken);
    }
}
