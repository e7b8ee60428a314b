using Akka.Actor;

namespace Actors.Coordination;

/// <summary>
/// The actor that runs a <see cref="Coordinator"/>: what the behaviour needs of an actor. The library's own host is a
/// plain actor; a host that makes the primitive durable or places it in a cluster runs the same behaviour.
/// </summary>
public interface ICoordinatorHost
{
    /// <summary>The hosting actor's context (self, the current sender, its system, DeathWatch).</summary>
    IActorContext Context { get; }

    /// <summary>The hosting actor's timers; the behaviour uses them for its deadlines.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>Called for a message the behaviour does not understand; a host usually passes it to its own unhandled.</summary>
    void Unhandled(object message);

    /// <summary>
    /// Sends <paramref name="message"/> (a reply, a grant) to <paramref name="to"/> with the hosting actor as the sender.
    /// A host that persists the durable state holds what is sent while a message is handled until the state that
    /// message changed (or the events it produced, <see cref="Coordinator.TakeDurableEvents"/>) is stored
    /// (<see cref="Coordinator.DurableStateChanged"/>), so no reply ever reports a state that could be lost.
    /// </summary>
    void Send(IActorRef to, object message);
}
