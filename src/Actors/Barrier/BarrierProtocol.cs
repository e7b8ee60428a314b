using Actors.Protocol;
using Akka.Actor;

namespace Actors.Barrier;

/// <summary>
/// The messages of a barrier coordinator (Python's <c>threading.Barrier</c>): a fixed number of parties wait until all
/// of them have arrived, then all are released together, and the barrier is ready for the next round.
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Wait"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// The barrier's number of parties, its action and its default timeout are settings of the coordinator
/// (see <see cref="ActorBarrier.Props"/>), not of any message, so that every message stays serialisable.
/// </remarks>
public static class BarrierProtocol
{
    /// <summary>The replies to <see cref="Wait"/>: <see cref="Passed"/>, <see cref="Broken"/> or <see cref="ActionFailed"/>. A timeout breaks the barrier, as in Python, so no reply of this family means "timed out".</summary>
    public interface IWaitReply : IReply;

    /// <summary>
    /// Arrives at the barrier and waits for the other parties of the round. Replies: <see cref="Passed"/> when the
    /// round is complete (after the barrier's action, if any, has run); <see cref="Broken"/> if the barrier is broken,
    /// is aborted or reset while the request waits, or the request's timeout passes first (which breaks the barrier
    /// for every waiter, as in Python); <see cref="ActionFailed"/> to the party that completed a round whose action threw.
    /// </summary>
    /// <remarks>
    /// <para>An arrival that comes while the previous round's action still runs waits for the next round.</para>
    /// <para>A <see cref="Protocol.CoordinatorProtocol.Cancel"/>, or the termination of the request's owner, withdraws the
    /// arrival as if it had never come, without breaking the barrier (Python has neither). Once the round is complete,
    /// its parties are answered whatever happens to them.</para>
    /// <para>The timeout counts from the arrival, including any time spent waiting for the previous round's action to
    /// finish; Python starts it only once that round has left.</para>
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits: an actor, whose arrival is withdrawn if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">
    /// How long to wait: null for the barrier's default timeout (Python's <c>timeout=None</c>),
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever even if the barrier has a default, zero not at all
    /// (the arrival passes only if it completes the round, and otherwise breaks the barrier, as Python's <c>wait(0)</c>).
    /// </param>
    public sealed record Wait(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IWaitReply>;

    /// <summary>The round is complete and the request's party may go on (Python's <c>wait()</c> returning).</summary>
    /// <param name="RequestId">The id of the wait request.</param>
    /// <param name="Index">
    /// The party's place in the round, 0 for the first arrival to <c>parties - 1</c> for the last: the indices of a round
    /// are a permutation of <c>0 .. parties - 1</c>. They are given when the round completes, in arrival order, so
    /// withdrawn arrivals leave no gaps.
    /// </param>
    /// <param name="Round">The round the party took part in: 0 for the first round to complete, then 1, 2, ...</param>
    public sealed record Passed(long RequestId, int Index, long Round) : IWaitReply;

    /// <summary>
    /// The barrier is broken, or was aborted, reset or broken while the request waited (Python's
    /// <c>BrokenBarrierError</c>). The request is no longer waiting.
    /// </summary>
    /// <param name="RequestId">The id of the wait request.</param>
    public sealed record Broken(long RequestId) : IWaitReply;

    /// <summary>
    /// The request completed its round, but the barrier's action threw: the barrier is now broken, the other parties
    /// of the round received <see cref="Broken"/>, and this party receives the action's exception (Python raises it in
    /// the thread that completed the round).
    /// </summary>
    /// <remarks>
    /// This is the one reply that carries a local object (the exception). It can only come from a barrier with an action,
    /// and an action is a delegate that lives in the coordinator's process anyway.
    /// </remarks>
    /// <param name="RequestId">The id of the wait request.</param>
    /// <param name="Exception">What the action threw.</param>
    public sealed record ActionFailed(long RequestId, Exception Exception) : IWaitReply;

    /// <summary>
    /// Breaks the barrier (Python's <c>abort()</c>): every waiting request receives <see cref="Broken"/>, and so does
    /// every later <see cref="Wait"/> until <see cref="Reset"/>. Reply: <see cref="Aborted"/>.
    /// </summary>
    /// <remarks>
    /// A round that has already completed and whose action is still running is not broken by it: its parties pass once
    /// the action has finished. (Python runs the action under the barrier's lock, so an abort can only come after it,
    /// and then races with the parties' wake-up.)
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Abort(long RequestId) : IRequest<Aborted>;

    /// <summary>The barrier is broken.</summary>
    /// <param name="RequestId">The id of the abort request.</param>
    public sealed record Aborted(long RequestId) : IReply;

    /// <summary>
    /// Returns the barrier to its initial state (Python's <c>reset()</c>): every waiting request receives
    /// <see cref="Broken"/>, and the barrier is no longer broken, ready for a new round. Reply: <see cref="WasReset"/>.
    /// </summary>
    /// <remarks>
    /// As in Python, a round that has already completed (its action still running) is not affected: its parties pass.
    /// </remarks>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Reset(long RequestId) : IRequest<WasReset>;

    /// <summary>The barrier has been reset.</summary>
    /// <param name="RequestId">The id of the reset request.</param>
    public sealed record WasReset(long RequestId) : IReply;

    /// <summary>Asks for the barrier's state. Reply: <see cref="BarrierState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<BarrierState>;

    /// <summary>The barrier's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Parties">How many parties a round needs (Python's <c>parties</c>).</param>
    /// <param name="Waiting">
    /// How many arrivals wait for their round to complete (Python's <c>n_waiting</c>). While an action runs, these are the
    /// arrivals for the next round; the parties of the completed round are not counted.
    /// </param>
    /// <param name="IsBroken">Whether the barrier is broken (Python's <c>broken</c>).</param>
    /// <param name="Round">How many rounds have completed: the number the round now filling will carry.</param>
    /// <param name="Releasing">True while a completed round's action runs and its parties have not been released yet.</param>
    public sealed record BarrierState(long RequestId, int Parties, int Waiting, bool IsBroken, long Round, bool Releasing) : IReply;
}
