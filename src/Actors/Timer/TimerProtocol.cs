using Actors.Protocol;
namespace Actors.Timer;

/// <summary>
/// The messages a timer's coordinator understands besides those of a thread (<see cref="Threads.ThreadProtocol"/>):
/// Python's <c>Timer.cancel()</c>. Get the coordinator from <see cref="Threads.ActorThread.Coordinator"/> once the timer is started.
/// </summary>
public static class TimerProtocol
{
    /// <summary>The replies to <see cref="Cancel"/>: <see cref="WasCancelled"/> or <see cref="AlreadyFired"/>.</summary>
    public interface ICancelReply : IReply;

    /// <summary>
    /// Stops the timer if it has not fired yet: its function never runs, the timer's thread finishes and its joins return.
    /// Replies: <see cref="WasCancelled"/> if the function will never run; <see cref="AlreadyFired"/> if it had fired (the
    /// function runs or ran to its end: a cancel cannot stop it).
    /// </summary>
    /// <param name="RequestId">Echoed in the reply.</param>
    public sealed record Cancel(long RequestId) : IRequest<ICancelReply>;

    /// <summary>The timer had not fired, and never will.</summary>
    /// <param name="RequestId">The id of the cancel request.</param>
    public sealed record WasCancelled(long RequestId) : ICancelReply;

    /// <summary>The timer had already fired; the cancel changed nothing.</summary>
    /// <param name="RequestId">The id of the cancel request.</param>
    public sealed record AlreadyFired(long RequestId) : ICancelReply;
}
