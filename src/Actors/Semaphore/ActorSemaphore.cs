using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>
/// Python's <c>threading.Semaphore</c> and <c>threading.BoundedSemaphore</c> for async code: a facade over a
/// semaphore coordinator actor. Whether the semaphore is bounded is decided when its coordinator is created
/// (<see cref="Create"/> or <see cref="CreateBounded"/>).
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Permits are held by an explicit <see cref="CoordinatorFacade.Owner"/>. An actor or <see cref="Owners.ActorOwner"/> owner gets its
/// permits returned when it terminates; the default anonymous owner is not watched.</item>
/// <item>Waiters are granted in FIFO order, and a grant that crosses a cancellation is given back.</item>
/// </list>
/// </remarks>
public sealed class ActorSemaphore : HoldingFacade
{
    /// <summary>Creates a facade over an existing semaphore coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner requests are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorSemaphore(IActorRef coordinator, IActorRef? owner = null) : base(coordinator, owner)
    {
    }

    /// <summary>The props of a semaphore coordinator.</summary>
    /// <param name="initialValue">The number of free permits at the start (Python's <c>value</c>, default 1).</param>
    /// <param name="bounded">True for a <c>BoundedSemaphore</c>: releases may not raise the value above <paramref name="initialValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialValue"/> is negative.</exception>
    public static Props Props(int initialValue = 1, bool bounded = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        return CoordinatorActor.PropsFor(() => new SemaphoreCoordinator(initialValue, bounded));
    }

    /// <summary>
    /// A new semaphore coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>); its
    /// durable state is a <see cref="SemaphoreDurableState"/>.
    /// </summary>
    /// <param name="initialValue">The number of free permits at the start.</param>
    /// <param name="bounded">True for a <c>BoundedSemaphore</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialValue"/> is negative.</exception>
    public static Coordinator Behavior(int initialValue = 1, bool bounded = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        return new SemaphoreCoordinator(initialValue, bounded);
    }

    /// <summary>Creates a semaphore coordinator (Python: <c>Semaphore(value)</c>) and returns a facade over it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialValue"/> is negative.</exception>
    public static ActorSemaphore Create(IActorRefFactory factory, int initialValue = 1, string? name = null) =>
        new(Spawn(factory, Props(initialValue), name));

    /// <summary>Creates a bounded semaphore coordinator (Python: <c>BoundedSemaphore(value)</c>) and returns a facade over it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialValue"/> is negative.</exception>
    public static ActorSemaphore CreateBounded(IActorRefFactory factory, int initialValue = 1, string? name = null) =>
        new(Spawn(factory, Props(initialValue, bounded: true), name));

    /// <summary>A facade over the same semaphore that acts for <paramref name="owner"/>.</summary>
    public ActorSemaphore WithOwner(IActorRef owner) => new(Coordinator, owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Waits for a permit. Python: <c>acquire()</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no permit is held.</exception>
    public async Task AcquireAsync(CancellationToken cancellationToken = default) =>
        await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Tries to take a permit within <paramref name="timeout"/>. Python: <c>acquire(timeout=...)</c>.</summary>
    /// <param name="timeout">Zero to try without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True if a permit is now held; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no permit is held.</exception>
    public async Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await AcquireCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Takes a permit only if one is free now. Python: <c>acquire(blocking=False)</c>.</summary>
    public Task<bool> TryAcquireAsync() => TryAcquireAsync(TimeSpan.Zero);

    /// <summary>Waits for a permit and returns a <see cref="Lease"/> that returns it when disposed. Python: <c>with sem:</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first; no permit is held.</exception>
    /// <remarks>
    /// The lease's <see cref="Lease.HoldLost"/> fires if the hold is taken away before the lease is disposed (owner
    /// terminated, <see cref="HoldingFacade.ForceReleaseAsync"/>, the maximum hold time, across a cluster a lost node);
    /// its <see cref="Lease.FencingToken"/> lets the guarded resource refuse a holder that has not noticed yet.
    /// </remarks>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken = default)
    {
        var granted = await AcquireCoreAsync(null, cancellationToken).ConfigureAwait(false);
        return LeaseOf(granted!.FencingToken, () => GiveBack(granted));
    }

    /// <summary>Returns <paramref name="count"/> permits, waking up to that many waiters. Python: <c>release(n)</c>.</summary>
    /// <returns>The free permits afterwards.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below one, or would raise the free permits
    /// above <see cref="int.MaxValue"/> (Python has no ceiling; here the permits are an <see cref="int"/>); nothing was released.</exception>
    /// <exception cref="SemaphoreFullException">A bounded semaphore would rise above its initial value; nothing was released.</exception>
    public async Task<int> ReleaseAsync(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        try
        {
            return (await CoordinatorClient.RequestAsync(Coordinator, new SemaphoreProtocol.Release(RequestIds.Next(), Owner, count))
                .ConfigureAwait(false)).Value;
        }
        catch (ArgumentException beyondCeiling) when (beyondCeiling.GetType() == typeof(ArgumentException))
        {
            // The only argument the coordinator can refuse here is a count that would take the permits past int.MaxValue.
            throw new ArgumentOutOfRangeException(nameof(count), count, beyondCeiling.Message);
        }
    }

    /// <summary>The number of free permits.</summary>
    public async Task<int> GetValueAsync() => (await GetStateAsync().ConfigureAwait(false)).Value;

    /// <summary>The semaphore's free permits, bound, held permits and waiters.</summary>
    public async Task<SemaphoreProtocol.SemaphoreState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new SemaphoreProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    private void GiveBack(SemaphoreProtocol.Acquired grant) =>
        CoordinatorClient.Tell(Coordinator, new SemaphoreProtocol.Release(RequestIds.Next(), Owner, 1, grant.FencingToken));

    private Task<SemaphoreProtocol.Acquired?> AcquireCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return CoordinatorClient.WaitForGrantAsync<SemaphoreProtocol.IAcquireReply, SemaphoreProtocol.Acquired>(Coordinator,
            new SemaphoreProtocol.Acquire(RequestIds.Next(), Owner, timeout), GiveBack, cancellationToken);
    }
}
