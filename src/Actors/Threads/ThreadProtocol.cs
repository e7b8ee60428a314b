using Actors.Protocol;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// The messages of a thread's coordinator (Python's <c>threading.Thread</c>): the actor that owns one started thread's
/// state and answers joins. Get it from <see cref="ActorThread.Coordinator"/> once the thread is started.
/// </summary>
/// <remarks>
/// <para>Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="Join"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.</para>
/// <para>Once its body has ended and every waiting join has been answered, the coordinator stops. An actor that wants to
/// learn of a thread's end without asking can therefore also watch the coordinator (DeathWatch): its
/// <see cref="Terminated"/> means the thread has finished, or that the actor system is shutting down. A
/// <see cref="Join"/> sent after the coordinator stopped is not answered; the <see cref="ActorThread"/> facade copes with
/// that on its own. Threads carry delegates, so unlike the other primitives they are local only.</para>
/// </remarks>
public static class ThreadProtocol
{
    /// <summary>The replies to <see cref="Join"/>: <see cref="Joined"/> or <see cref="NotJoined"/>.</summary>
    public interface IJoinReply : IReply;

    /// <summary>
    /// Waits for the thread to finish. Replies: <see cref="Joined"/> at once if it has finished, or when it finishes;
    /// <see cref="NotJoined"/> when the timeout passes first.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits: an actor, whose wait is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record Join(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IJoinReply>;

    /// <summary>The thread has finished (Python's <c>join()</c> returning with <c>is_alive()</c> false).</summary>
    /// <param name="RequestId">The id of the join request.</param>
    public sealed record Joined(long RequestId) : IJoinReply;

    /// <summary>The timeout passed while the thread was still alive (Python's <c>join(timeout)</c> returning with <c>is_alive()</c> true).</summary>
    /// <param name="RequestId">The id of the join request.</param>
    public sealed record NotJoined(long RequestId) : IJoinReply, ITimedOutReply;

    /// <summary>Asks for the thread's state. Reply: <see cref="ThreadState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<ThreadState>;

    /// <summary>The thread's state when the request was handled.</summary>
    /// <param name="RequestId">The id of the state request.</param>
    /// <param name="Ident">The thread's identifier (Python's <c>ident</c>).</param>
    /// <param name="Name">The thread's name.</param>
    /// <param name="Daemon">Whether it was started as a daemon thread.</param>
    /// <param name="Status">Where the thread is in its life.</param>
    /// <param name="CancellationRequested">Whether the token its body received has been cancelled (it was abandoned as a daemon at shutdown).</param>
    /// <param name="Joining">How many joins wait for it.</param>
    public sealed record ThreadState(long RequestId, long Ident, string Name, bool Daemon, ThreadStatus Status, bool CancellationRequested,
        int Joining) : IReply;

    /// <summary>Starts the body; sent once by <see cref="ActorThread.Start"/> after the thread is registered.</summary>
    internal sealed class Launch
    {
        public static readonly Launch Instance = new();
    }

    /// <summary>Told by the body itself when it begins to run.</summary>
    internal sealed class Began
    {
        public static readonly Began Instance = new();
    }

    /// <summary>Told by the registry at shutdown to a daemon thread: cancel the body's token, and do not wait for it.</summary>
    internal sealed class Abandon
    {
        public static readonly Abandon Instance = new();
    }
}
