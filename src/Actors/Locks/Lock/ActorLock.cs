using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Lock;

/// <summary>
/// Python's <c>threading.Lock</c> for async code: a facade over a lock coordinator actor.
/// Every call is a message to the coordinator, which holds all the state; the facade holds none
/// and can be shared freely.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Waiting is asynchronous and cancellable by <see cref="CancellationToken"/>; a grant that crosses a
/// cancellation is given back, so a cancelled call never leaves the lock held.</item>
/// <item>Requests are made for an explicit <see cref="CoordinatorFacade.Owner"/> rather than the current thread. The default,
/// anonymous owner is not watched; an actor or <see cref="Owners.ActorOwner"/> owner releases the lock when it
/// terminates, where Python would leave it locked forever.</item>
/// <item>Waiters are served first come, first served (Python promises no order).</item>
/// </list>
/// </remarks>
public sealed class ActorLock : HoldingFacade
{
    /// <summary>Creates a facade over an existing lock coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner requests are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorLock(IActorRef coordinator, IActorRef? owner = null) : base(coordinator, owner)
    {
    }

    /// <summary>The props of a lock coordinator, for creating one under a parent of your choice.</summary>
    public static Props Props() => CoordinatorActor.PropsFor(Behavior);

    /// <summary>
    /// A new lock coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>), such as one
    /// that persists its <see cref="Coordinator.CaptureDurableState"/> (a <see cref="LockDurableState"/>).
    /// </summary>
    public static Coordinator Behavior() => new LockCoordinator();

    /// <summary>Creates a lock coordinator under <paramref name="factory"/> and returns a facade over it.</summary>
    /// <param name="factory">An actor system or an actor's context.</param>
    /// <param name="name">An optional actor name.</param>
    public static ActorLock Create(IActorRefFactory factory, string? name = null) => new(Spawn(factory, Props(), name));

    /// <summary>A facade over the same lock that acquires for <paramref name="owner"/>.</summary>
    public ActorLock WithOwner(IActorRef owner) => new(Coordinator, owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Waits until the lock is acquired. Python: <c>acquire()</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the lock is not held.</exception>
    public async Task AcquireAsync(CancellationToken cancellationToken = default) =>
        await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Tries to acquire the lock within <paramref name="timeout"/>. Python: <c>acquire(timeout=...)</c>.</summary>
    /// <param name="timeout">Zero to try without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True if the lock is now held; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the lock is not held.</exception>
    public async Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await AcquireCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Acquires the lock only if it is free now. Python: <c>acquire(blocking=False)</c>.</summary>
    /// <remarks>The coordinator answers at once; the call awaits only the message round trip, never the lock.</remarks>
    public Task<bool> TryAcquireAsync() => TryAcquireAsync(TimeSpan.Zero);

    /// <summary>Waits for the lock and returns a <see cref="Lease"/> that releases it when disposed. Python: <c>with lock:</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the lock is not held.</exception>
    /// <remarks>
    /// The lease's <see cref="Lease.HoldLost"/> fires if the hold is taken away before the lease is disposed (owner
    /// terminated, <see cref="HoldingFacade.ForceReleaseAsync"/>, the maximum hold time, across a cluster a lost node);
    /// its <see cref="Lease.FencingToken"/> lets the guarded resource refuse a holder that has not noticed yet.
    /// </remarks>
    public async Task<Lease> LockAsync(CancellationToken cancellationToken = default)
    {
        var granted = await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false);
        return LeaseOf(granted!.FencingToken, () => GiveBack(granted));
    }

    /// <summary>Releases the lock. Python: <c>release()</c>; as in Python, any owner may release it.</summary>
    /// <exception cref="SynchronizationLockException">The lock is not held.</exception>
    public Task ReleaseAsync() => CoordinatorClient.RequestAsync(Coordinator, new LockProtocol.Release(RequestIds.Next()));

    /// <summary>Whether the lock is held by anyone. Python: <c>locked()</c>.</summary>
    public async Task<bool> IsLockedAsync() => (await GetStateAsync().ConfigureAwait(false)).Locked;

    /// <summary>The lock's holder, latest fencing token and number of waiters.</summary>
    public async Task<LockProtocol.LockState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new LockProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    private Task<LockProtocol.Acquired?> AcquireCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return CoordinatorClient.WaitForGrantAsync<LockProtocol.IAcquireReply, LockProtocol.Acquired>(Coordinator,
            new LockProtocol.Acquire(RequestIds.Next(), Owner, timeout), GiveBack, cancellationToken);
    }

    private void GiveBack(LockProtocol.Acquired grant) =>
        CoordinatorClient.Tell(Coordinator, new LockProtocol.Release(RequestIds.Next(), grant.FencingToken));
}
