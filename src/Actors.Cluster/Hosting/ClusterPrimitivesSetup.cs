using Akka.Actor;
using Akka.Actor.Setup;

namespace Actors.Cluster.Hosting;

/// <summary>
/// The options given to <see cref="ClusterPrimitivesHostingExtensions.WithClusterPrimitives"/>, carried into the actor
/// system, so that a facade resolved from the container before the hosted service ran can start the primitives with
/// the same options.
/// </summary>
internal sealed class ClusterPrimitivesSetup(ClusterPrimitivesOptions? options) : Setup
{
    /// <summary>The primitives of <paramref name="system"/>, started with the registered options if they were not yet.</summary>
    /// <exception cref="InvalidOperationException">The system was not configured with <c>WithClusterPrimitives</c>.</exception>
    public static ClusterPrimitives StartedOn(ActorSystem system)
    {
        var setup = system.Settings.Setup.Get<ClusterPrimitivesSetup>();
        if (!setup.HasValue)
            throw new InvalidOperationException("Cluster primitives are not registered on this actor system: add WithClusterPrimitives to AddAkka.");
        return ClusterPrimitives.Start(system, setup.Value.Options);
    }

    /// <summary>The node's settings; null for the defaults.</summary>
    public ClusterPrimitivesOptions? Options { get; } = options;
}
