using System.Diagnostics;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Cluster.Testing.Faults;

/// <summary>Watches a primitive's holders (<see cref="CoordinatorProtocol.Statistics.Holders"/>) for a new one on another node.</summary>
internal static class RemoteGrant
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Polls <paramref name="entityId"/>'s holders until one appears that was not holding at the first look and lives on
    /// another node than the primitive; returns the slot of the primitive's node.
    /// </summary>
    /// <exception cref="TimeoutException">No such grant within the cluster's patience.</exception>
    public static async Task<int> AwaitAsync(InProcessCluster cluster, string entityId)
    {
        var asker = Enumerable.Range(0, cluster.Count).First(n => cluster.Running(n) is not null);
        var host = await cluster.Primitives(asker).LocateAsync(entityId).ConfigureAwait(false);
        var entity = cluster.Primitives(asker).EntityRef(entityId);
        var earlier = (await HoldersAsync(entity).ConfigureAwait(false)).ToHashSet();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < cluster.Patience)
        {
            var holders = await HoldersAsync(entity).ConfigureAwait(false);
            // A holder on the asking node reads as a local reference, without a host.
            if (holders.Any(h => !earlier.Contains(h) && (h.Path.Address.HasGlobalScope ? h.Path.Address : cluster.AddressOf(asker)) != host))
                return Enumerable.Range(0, cluster.Count).Single(n => cluster.Running(n) is not null && cluster.AddressOf(n) == host);
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException($"{entityId} granted no hold to another node than its own within {cluster.Patience}.");
    }

    /// <summary>The primitive's holders now; none if it did not answer in time (the next look asks again).</summary>
    private static async Task<IReadOnlyList<IActorRef>> HoldersAsync(IActorRef entity)
    {
        try
        {
            return (await entity.Ask<CoordinatorProtocol.Statistics>(new CoordinatorProtocol.GetStatistics(RequestIds.Next()), AskTimeout).ConfigureAwait(false)).Holders;
        }
        catch (AskTimeoutException)
        {
            return [];
        }
    }
}
