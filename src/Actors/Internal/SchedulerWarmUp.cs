using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// Starts an actor system's scheduler once, when first asked for. Akka.NET starts its scheduler on first use and blocks
/// that caller until the scheduler's worker, queued to the thread pool, has run; when many coordinators arm their first
/// deadline timer at once on a fresh system, every dispatcher thread can block there and the pool starves for minutes.
/// Coordinators and the thread registry take this extension when they start, so the scheduler runs before any of them
/// arms a timer.
/// </summary>
internal sealed class SchedulerWarmUp : IExtension
{
    private SchedulerWarmUp(ActorSystem system) => system.Scheduler.Advanced.ScheduleOnce(TimeSpan.Zero, static () => { });

    /// <summary>Makes sure the scheduler of <paramref name="system"/> is running.</summary>
    public static void Ensure(ActorSystem system) => system.WithExtension<SchedulerWarmUp, Provider>();

    /// <summary>Creates the extension once per actor system.</summary>
    private sealed class Provider : ExtensionIdProvider<SchedulerWarmUp>
    {
        public override SchedulerWarmUp CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
