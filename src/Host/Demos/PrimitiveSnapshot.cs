using Actors.Diagnostics;
using Actors.Protocol;
using Actors.RLock;
using Actors.Semaphore;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// What the live view knows of one primitive at one moment: the statistics every coordinator reports and, where the
/// statistics do not say how much each holder holds, the primitive's own state (a semaphore's free and held permits, an
/// RLock's re-entrancy depth).
/// </summary>
internal sealed record PrimitiveSnapshot(
    CoordinatorProtocol.Statistics Statistics,
    SemaphoreProtocol.SemaphoreState? Semaphore = null,
    RLockProtocol.RLockState? RLock = null)
{
    /// <summary>Asks every primitive of <paramref name="system"/> for its statistics and, for semaphores and RLocks, its state.</summary>
    public static async Task<IReadOnlyList<PrimitiveSnapshot>> TakeAsync(ActorSystem system, TimeSpan timeout)
    {
        var registry = PrimitiveRegistry.Get(system);
        var statistics = await registry.GetStatisticsAsync(timeout);
        var coordinators = registry.Coordinators.ToLookup(c => c.Path.Name);
        return await Task.WhenAll(statistics.Select(s => WithStateAsync(s, coordinators[s.Name].FirstOrDefault())));
    }

    private static async Task<PrimitiveSnapshot> WithStateAsync(CoordinatorProtocol.Statistics statistics, IActorRef? coordinator)
    {
        try
        {
            return (statistics.Kind, coordinator) switch
            {
                ("Semaphore" or "BoundedSemaphore", { } c) => new PrimitiveSnapshot(statistics, Semaphore: await new ActorSemaphore(c).GetStateAsync()),
                ("RLock", { } c) => new PrimitiveSnapshot(statistics, RLock: await new ActorRLock(c, ActorRefs.Nobody).GetStateAsync()),
                _ => new PrimitiveSnapshot(statistics),
            };
        }
        catch (Exception error) when (error is TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped between the two questions: the statistics alone still describe it.
            return new PrimitiveSnapshot(statistics);
        }
    }
}
