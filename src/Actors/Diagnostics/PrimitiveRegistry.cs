using System.Collections.Concurrent;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// The coordinators alive in an actor system (an Akka extension): every coordinator adds itself when it starts and
/// removes itself when it stops, wherever it sits in the actor tree. Monitors (the host's <c>--live</c> view) list
/// them here and ask each for its <see cref="CoordinatorProtocol.Statistics"/>.
/// </summary>
/// <remarks>Python's <c>threading</c> keeps no such list of its primitives. The registry holds references only, never state.</remarks>
public sealed class PrimitiveRegistry : IExtension
{
    private readonly ConcurrentDictionary<IActorRef, byte> _coordinators = new();

    internal PrimitiveRegistry()
    {
    }

    /// <summary>The coordinators alive now, in no particular order.</summary>
    public IReadOnlyCollection<IActorRef> Coordinators => [.. _coordinators.Keys];

    /// <summary>The registry of <paramref name="system"/>.</summary>
    public static PrimitiveRegistry Get(ActorSystem system) =>
        (system ?? throw new ArgumentNullException(nameof(system))).WithExtension<PrimitiveRegistry, PrimitiveRegistryProvider>();

    /// <summary>
    /// Asks every registered coordinator for its statistics and returns the answers, ordered by name. A coordinator
    /// that stops or does not answer within <paramref name="timeout"/> is left out.
    /// </summary>
    public async Task<IReadOnlyList<CoordinatorProtocol.Statistics>> GetStatisticsAsync(TimeSpan timeout)
    {
        var asks = Coordinators.Select(coordinator => AskAsync(coordinator, timeout)).ToList();
        var answers = await Task.WhenAll(asks).ConfigureAwait(false);
        return answers.OfType<CoordinatorProtocol.Statistics>()
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    internal void Add(IActorRef coordinator) => _coordinators.TryAdd(coordinator, 0);

    internal void Remove(IActorRef coordinator) => _coordinators.TryRemove(coordinator, out _);

    private static async Task<CoordinatorProtocol.Statistics?> AskAsync(IActorRef coordinator, TimeSpan timeout)
    {
        try
        {
            return await coordinator.Ask<CoordinatorProtocol.Statistics>(new CoordinatorProtocol.GetStatistics(RequestIds.Next()), timeout)
                .ConfigureAwait(false);
        }
        catch (Exception error) when (error is AskTimeoutException or TaskCanceledException or InvalidCastException)
        {
            return null;
        }
    }
}

/// <summary>Creates the <see cref="PrimitiveRegistry"/> extension of an actor system; use <see cref="PrimitiveRegistry.Get"/>.</summary>
public sealed class PrimitiveRegistryProvider : ExtensionIdProvider<PrimitiveRegistry>
{
    /// <inheritdoc />
    public override PrimitiveRegistry CreateExtension(ExtendedActorSystem system) => new();
}
