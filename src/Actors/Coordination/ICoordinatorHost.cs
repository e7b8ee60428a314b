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
}
