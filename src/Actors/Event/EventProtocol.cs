using Actors.Protocol;
using Akka.Actor;

namespace Actors.Event;

/// <summary>The messages of an event coordinator (Python's <c>threading.Event</c>): a flag that waiters wait to see set.</summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Wait"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// </remarks>
public static class EventProtocol
{
    /// <summary>The replies to <see cref="Wait"/>: <see cref="Signalled"/> or <see cref="NotSignalled"/>.</summary>
    public interface IWaitReply : IReply;

    /// <summary>
    /// Sets the flag and wakes every waiter at once, each with <see cref="Signalled"/>. Reply: <see cref="WasSet"/>.
    /// A <see cref="Clear"/> that follows cannot un-wake them.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Set(long RequestId) : IRequest<WasSet>;

    /// <summary>The flag is set.</summary>
    /// <param name="RequestId">The id of the set request.</param>
    /// <param name="Woken">How many waiters this set woke.</param>
    public sealed record WasSet(long RequestId, int Woken) : IReply;

    /// <summary>Clears the flag; later waits block until the next <see cref="Set"/>. Reply: <see cref="Cleared"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Clear(long RequestId) : IRequest<Cleared>;

    /// <summary>The flag is clear.</summary>
    /// <param name="RequestId">The id of the clear request.</param>
    public sealed record Cleared(long RequestId) : IReply;

    /// <summary>
    /// Waits for the flag. Replies: <see cref="Signalled"/> at once if it is set, or when it is next set;
    /// <see cref="NotSignalled"/> when the timeout passes first.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits: an actor, whose wait is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Wait(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IWaitReply>;

    /// <summary>The flag was set (Python's <c>wait()</c> returning <c>True</c>).</summary>
    /// <param name="RequestId">The id of the wait request.</param>
    public sealed record Signalled(long RequestId) : IWaitReply;

    /// <summary>The timeout passed before the flag was set (Python's <c>wait()</c> returning <c>False</c>).</summary>
    /// <param name="RequestId">The id of the wait request.</param>
    public sealed record NotSignalled(long RequestId) : IWaitReply, ITimedOutReply;

    /// <summary>Asks for the event's state. Reply: <see cref="EventState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<EventState>;

    /// <summary>The event's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="IsSet">Python's <c>is_set()</c>.</param>
    /// <param name="Waiting">How many requests wait for the flag.</param>
    public sealed record EventState(long RequestId, bool IsSet, int Waiting) : IReply;
}
