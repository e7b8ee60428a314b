using System.Runtime.ExceptionServices;
using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Barrier;

/// <summary>
/// Python's <c>threading.Barrier</c> for async code: a facade over a barrier coordinator actor. A fixed number of
/// parties call <see cref="WaitAsync(CancellationToken)"/>; none returns until all have arrived, then all return
/// together, each with its own index, and the barrier serves the next round.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Waits are asynchronous and cancellable by <see cref="CancellationToken"/>. A cancelled wait withdraws its
/// arrival as if it had never come and does not break the barrier: cancellation is the caller's decision to leave,
/// not a failure the other parties must hear of (Python has no cancellation; its time-outs do break the barrier, and
/// so do they here).</item>
/// <item>Arrivals are made for an explicit <see cref="CoordinatorFacade.Owner"/>; when an actor or <see cref="Owners.ActorOwner"/>
/// owner terminates, its arrival is withdrawn in the same way, where a Python thread that dies simply never arrives.</item>
/// <item>The action runs on the thread pool, not in the thread of the last party, and may be asynchronous; the
/// parties of its round are released when its task completes.</item>
/// <item>Indices follow arrival order, as in Python, but are handed out when the round completes, so that withdrawn
/// arrivals leave no gaps.</item>
/// </list>
/// </remarks>
public sealed class ActorBarrier : CoordinatorFacade
{
    /// <summary>Creates a facade over an existing barrier coordinator.</summary>
    /// <param name="coordinator">A coordinator made from <see cref="Props"/>.</param>
    /// <param name="owner">The owner arrivals are made for; <see cref="ActorRefs.Nobody"/> (the default) is anonymous.</param>
    public ActorBarrier(IActorRef coordinator, IActorRef? owner = null) : base(coordinator, owner)
    {
    }

    /// <summary>The props of a barrier coordinator. Python: <c>Barrier(parties, action, timeout)</c>.</summary>
    /// <param name="parties">How many parties a round needs; at least one.</param>
    /// <param name="action">
    /// Runs once per round, after the last party arrives and before any party of the round is released. If it throws,
    /// the barrier breaks: the party that completed the round receives the exception, the others
    /// <see cref="BrokenBarrierException"/>.
    /// </param>
    /// <param name="defaultTimeout">
    /// The timeout of waits that give none; null or <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </param>
    /// <remarks>
    /// The action lives in the props, never in a message, so the barrier's protocol stays serialisable; a barrier
    /// with an action is therefore a local barrier. Python runs the action in the thread of the last party, under the
    /// barrier's lock; here it runs on the thread pool, and the coordinator keeps answering (state queries, arrivals for
    /// the next round) while it runs.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below one, or the timeout is negative and not infinite.</exception>
    public static Props Props(int parties, Func<Task>? action = null, TimeSpan? defaultTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        if (defaultTimeout is { } timeout) Timeouts.ForRequest(timeout, nameof(defaultTimeout));
        return CoordinatorActor.PropsFor(() => new BarrierCoordinator(parties, action, defaultTimeout));
    }

    /// <summary>
    /// A new barrier coordinator's behaviour, for an actor of your own to host (<see cref="ICoordinatorHost"/>); its
    /// durable state is a <see cref="BarrierDurableState"/>. Arguments as for <see cref="Props"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below one, or the timeout is negative and not infinite.</exception>
    public static Coordinator Behavior(int parties, Func<Task>? action = null, TimeSpan? defaultTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        if (defaultTimeout is { } timeout) Timeouts.ForRequest(timeout, nameof(defaultTimeout));
        return new BarrierCoordinator(parties, action, defaultTimeout);
    }

    /// <summary>Creates a barrier coordinator under <paramref name="factory"/> and returns a facade over it.</summary>
    /// <param name="factory">An actor system or an actor's context.</param>
    /// <param name="parties">How many parties a round needs; at least one.</param>
    /// <param name="action">Runs once per round before the parties are released; see <see cref="Props"/>.</param>
    /// <param name="defaultTimeout">The timeout of waits that give none; null or <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="name">An optional actor name.</param>
    /// <remarks>See <see cref="Props"/> for how the action differs from Python's.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below one, or the timeout is negative and not infinite.</exception>
    public static ActorBarrier Create(IActorRefFactory factory, int parties, Func<Task>? action = null, TimeSpan? defaultTimeout = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new ActorBarrier(Spawn(factory, Props(parties, action, defaultTimeout), name));
    }

    /// <summary>A facade over the same barrier that arrives for <paramref name="owner"/>.</summary>
    /// <param name="owner">An actor or <see cref="Owners.ActorOwner"/> reference; its arrivals are withdrawn if it terminates.</param>
    public ActorBarrier WithOwner(IActorRef owner) => new(Coordinator, owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>
    /// Arrives and waits for the other parties of the round, for at most the barrier's default timeout.
    /// Python: <c>wait()</c>.
    /// </summary>
    /// <param name="cancellationToken">Withdraws the arrival if the round has not completed yet.</param>
    /// <returns>The party's index in its round, from 0 (first arrival) to <c>parties - 1</c> (last).</returns>
    /// <remarks>
    /// Cancellation does not break the barrier; it withdraws the arrival. If the round completes before the cancellation
    /// reaches the coordinator, the party has passed and the call returns its index: there is nothing to give back.
    /// </remarks>
    /// <exception cref="BrokenBarrierException">The barrier is broken, or was aborted, reset or broken (for example by a time-out) during the wait.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the round completed; the arrival is withdrawn.</exception>
    public Task<int> WaitAsync(CancellationToken cancellationToken = default) => WaitCoreAsync(null, cancellationToken);

    /// <summary>
    /// Arrives and waits for the other parties of the round for at most <paramref name="timeout"/>.
    /// Python: <c>wait(timeout)</c>.
    /// </summary>
    /// <param name="timeout">
    /// How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever even if the barrier has a default timeout.
    /// Zero passes only if this arrival completes the round, and otherwise breaks the barrier, as in Python.
    /// </param>
    /// <param name="cancellationToken">Withdraws the arrival if the round has not completed yet.</param>
    /// <returns>The party's index in its round, from 0 (first arrival) to <c>parties - 1</c> (last).</returns>
    /// <remarks>
    /// As in Python, a time-out breaks the barrier for every party and throws <see cref="BrokenBarrierException"/>.
    /// Unlike Python, the timeout counts from the arrival, including any time spent waiting for the previous round's
    /// action to finish: the coordinator owns the deadline from the moment the request reaches it.
    /// Cancellation behaves as in <see cref="WaitAsync(CancellationToken)"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="BrokenBarrierException">The timeout passed, or the barrier is broken, or was aborted, reset or broken during the wait.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the round completed; the arrival is withdrawn.</exception>
    public Task<int> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // The request keeps "infinite" explicit: a null timeout would mean the barrier's default.
        return WaitCoreAsync(Timeouts.ForRequest(timeout) ?? Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>Breaks the barrier: current and future waits throw <see cref="BrokenBarrierException"/> until <see cref="ResetAsync"/>. Python: <c>abort()</c>.</summary>
    /// <remarks>
    /// A round that has already completed and whose action is still running is not affected: its parties return their
    /// indices once the action has finished. Python runs the action under the barrier's lock, so an abort comes after it
    /// and races with the parties' wake-up; here the outcome is always the same.
    /// </remarks>
    public Task AbortAsync() => CoordinatorClient.RequestAsync(Coordinator, new BarrierProtocol.Abort(RequestIds.Next()));

    /// <summary>
    /// Returns the barrier to its initial state: current waits throw <see cref="BrokenBarrierException"/>, and the barrier
    /// is no longer broken. Python: <c>reset()</c>.
    /// </summary>
    /// <remarks>
    /// As in Python, a round that has already completed (its action still running) is not affected. The call completes
    /// when the coordinator has applied the reset, so a wait made after it belongs to a fresh round.
    /// </remarks>
    public Task ResetAsync() => CoordinatorClient.RequestAsync(Coordinator, new BarrierProtocol.Reset(RequestIds.Next()));

    /// <summary>
    /// The barrier's parties, waiting arrivals, brokenness and completed rounds. Python: <c>parties</c>,
    /// <c>n_waiting</c>, <c>broken</c>.
    /// </summary>
    /// <remarks>The three Python properties come in one reply, so that they describe the same moment.</remarks>
    public async Task<BarrierProtocol.BarrierState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new BarrierProtocol.GetState(RequestIds.Next())).ConfigureAwait(false);
    }

    private async Task<int> WaitCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var reply = await CoordinatorClient.WaitAsync(Coordinator, new BarrierProtocol.Wait(RequestIds.Next(), Owner, timeout), cancellationToken)
            .ConfigureAwait(false);
        switch (reply)
        {
            case BarrierProtocol.Passed passed:
                return passed.Index;
            case BarrierProtocol.ActionFailed failed:
                ExceptionDispatchInfo.Throw(failed.Exception);
                return default;
            case BarrierProtocol.Broken:
                throw new BrokenBarrierException();
            default:
                throw CoordinatorClient.Unexpected(reply);
        }
    }
}
