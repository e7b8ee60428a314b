using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Event;

/// <summary>Python's <c>threading.Event</c> for async code: a facade over an event coordinator actor.</summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Waits are asynchronous and cancellable by <see cref="CancellationToken"/>.</item>
/// <item><see cref="SetAsync"/> and <see cref="ClearAsync"/> complete when the coordinator has applied them, so a
/// caller that awaited <see cref="SetAsync"/> knows every earlier waiter has been woken.</item>
/// </list>
/// </remarks>
public sealed class ActorEvent : CoordinatorFacade
{
    /// <summary>Creates a facade over an existing event coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner waits are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorEvent(IActorRef coordinator, IActorRef? owner = null) : base(coordinator, owner)
    {
    }

    /// <summary>The props of an event coordinator.</summary>
    public static Props Props() => CoordinatorActor.PropsFor(Behavior);

    /// <summary>
    /// A new event coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>); its
    /// durable state is an <see cref="EventDurableState"/>.
    /// </summary>
    public static Coordinator Behavior() => new EventCoordinator();

    /// <summary>Creates an event coordinator under <paramref name="factory"/> and returns a facade over it.</summary>
    public static ActorEvent Create(IActorRefFactory factory, string? name = null) => new(Spawn(factory, Props(), name));

    /// <summary>A facade over the same event that waits for <paramref name="owner"/>.</summary>
    public ActorEvent WithOwner(IActorRef owner) => new(Coordinator, owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Sets the flag and wakes every waiter. Python: <c>set()</c>.</summary>
    /// <returns>How many waiters this call woke.</returns>
    public async Task<int> SetAsync()
    {
        return (await CoordinatorClient.RequestAsync(Coordinator, new EventProtocol.Set(RequestIds.Next())).ConfigureAwait(false)).Woken;
    }

    /// <summary>Clears the flag. Python: <c>clear()</c>.</summary>
    public Task ClearAsync() => CoordinatorClient.RequestAsync(Coordinator, new EventProtocol.Clear(RequestIds.Next()));

    /// <summary>Whether the flag is set. Python: <c>is_set()</c>.</summary>
    public async Task<bool> IsSetAsync() => (await GetStateAsync().ConfigureAwait(false)).IsSet;

    /// <summary>The flag and the number of waiters.</summary>
    public async Task<EventProtocol.EventState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new EventProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    /// <summary>Waits until the flag is set. Python: <c>wait()</c>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public async Task WaitAsync(CancellationToken cancellationToken = default) =>
        await WaitCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits until the flag is set or <paramref name="timeout"/> passes. Python: <c>wait(timeout)</c>.</summary>
    /// <param name="timeout">Zero to look without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True if the flag was set; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await WaitCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is not null;

    private Task<EventProtocol.Signalled?> WaitCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return CoordinatorClient.WaitForGrantAsync<EventProtocol.IWaitReply, EventProtocol.Signalled>(Coordinator,
            new EventProtocol.Wait(RequestIds.Next(), Owner, timeout), giveBack: null, cancellationToken);
    }
}
