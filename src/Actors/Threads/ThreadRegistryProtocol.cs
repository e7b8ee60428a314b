using Actors.Protocol;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// The messages of the thread registry (Python's <c>threading.active_count()</c>, <c>enumerate()</c> and the wait for
/// non-daemon threads at interpreter exit): the one actor per actor system that knows every started, unfinished thread.
/// Get it from <see cref="ThreadRegistry.Coordinator"/>.
/// </summary>
/// <remarks>
/// Besides the replies listed on each request, any request can be answered with
/// <see cref="Protocol.CoordinatorProtocol.Rejected"/>, and a waiting <see cref="WaitForNonDaemonThreads"/> with
/// <see cref="Protocol.CoordinatorProtocol.Cancelled"/> after a <see cref="Protocol.CoordinatorProtocol.Cancel"/>.
/// Replies that list threads carry <see cref="ActorThread"/> objects, so this protocol is local only.
/// </remarks>
public static class ThreadRegistryProtocol
{
    /// <summary>The replies to <see cref="WaitForNonDaemonThreads"/>: <see cref="NonDaemonThreadsEnded"/> or <see cref="NonDaemonThreadsRunning"/>.</summary>
    public interface IWaitForNonDaemonThreadsReply : IReply;

    /// <summary>Asks how many threads are alive, the main thread included. Reply: <see cref="ActiveCount"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetActiveCount(long RequestId) : IRequest<ActiveCount>;

    /// <summary>Python's <c>active_count()</c>: the main thread plus every thread started and not finished.</summary>
    /// <param name="RequestId">The id of the request.</param>
    /// <param name="Count">At least one: the main thread is always counted.</param>
    public sealed record ActiveCount(long RequestId, int Count) : IReply;

    /// <summary>Asks for the threads that are alive. Reply: <see cref="Enumerated"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Enumerate(long RequestId) : IRequest<Enumerated>;

    /// <summary>Python's <c>enumerate()</c>: the main thread first, then every thread started and not finished, in the order they were started.</summary>
    /// <param name="RequestId">The id of the request.</param>
    /// <param name="Threads">The live threads.</param>
    public sealed record Enumerated(long RequestId, IReadOnlyList<ActorThread> Threads) : IReply;

    /// <summary>
    /// Waits until no non-daemon thread is alive (what Python's interpreter does at exit, and what the registry's
    /// coordinated-shutdown task asks for). Replies: <see cref="NonDaemonThreadsEnded"/> at once if none is alive, or when
    /// the last one finishes; <see cref="NonDaemonThreadsRunning"/> when the timeout passes first.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply; unique among the owner's waiting requests.</param>
    /// <param name="Owner">Who waits: an actor, whose wait is dropped if it terminates, or <see cref="ActorRefs.Nobody"/>.</param>
    /// <param name="Timeout">How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</param>
    public sealed record WaitForNonDaemonThreads(long RequestId, IActorRef Owner, TimeSpan? Timeout = null) : IWaitingRequest<IWaitForNonDaemonThreadsReply>;

    /// <summary>No non-daemon thread is alive.</summary>
    /// <param name="RequestId">The id of the wait request.</param>
    public sealed record NonDaemonThreadsEnded(long RequestId) : IWaitForNonDaemonThreadsReply;

    /// <summary>The timeout passed while these non-daemon threads were still alive.</summary>
    /// <param name="RequestId">The id of the wait request.</param>
    /// <param name="Names">The names of the non-daemon threads still alive, in the order they were started.</param>
    public sealed record NonDaemonThreadsRunning(long RequestId, IReadOnlyList<string> Names) : IWaitForNonDaemonThreadsReply, ITimedOutReply;

    /// <summary>
    /// Abandons every daemon thread alive: the token its body received is cancelled, and nobody waits for it any more
    /// (Python's interpreter simply stops daemon threads at exit; .NET cannot, so a body stops only if it cooperates).
    /// A daemon timer that has not fired yet never fires. Reply: <see cref="DaemonThreadsAbandoned"/>.
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record AbandonDaemonThreads(long RequestId) : IRequest<DaemonThreadsAbandoned>;

    /// <summary>The daemon threads alive have been told that they are abandoned.</summary>
    /// <param name="RequestId">The id of the request.</param>
    /// <param name="Count">How many daemon threads were abandoned.</param>
    public sealed record DaemonThreadsAbandoned(long RequestId, int Count) : IReply;

    /// <summary>Asks for the registry's counts. Reply: <see cref="RegistryState"/>.</summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record GetState(long RequestId) : IRequest<RegistryState>;

    /// <summary>The registry's counts when the request was handled.</summary>
    /// <param name="RequestId">The id of the request.</param>
    /// <param name="Alive">Threads started and not finished, the main thread not included.</param>
    /// <param name="NonDaemon">How many of them are non-daemon threads.</param>
    /// <param name="WaitingForNonDaemon">How many <see cref="WaitForNonDaemonThreads"/> requests wait.</param>
    public sealed record RegistryState(long RequestId, int Alive, int NonDaemon, int WaitingForNonDaemon) : IReply;

    /// <summary>Told by <see cref="ActorThread.Start"/> before the body is launched: the thread is alive from now on.</summary>
    internal sealed record Register(ActorThread Thread, long Ident, IActorRef Coordinator, bool Daemon);

    /// <summary>Told by a thread's coordinator when its body has ended, before anyone waiting for it is answered.</summary>
    internal sealed record Ended(long Ident);
}
