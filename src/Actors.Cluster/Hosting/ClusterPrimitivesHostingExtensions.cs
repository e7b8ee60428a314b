using Akka.Configuration;
using Akka.Hosting;

namespace Actors.Cluster.Hosting;

/// <summary>Sets up the cluster primitives with Akka.Hosting.</summary>
/// <example>
/// <code>
/// services.AddAkka("bank", builder => builder
///     .WithRemoting("0.0.0.0", 4053)
///     .WithClustering(new ClusterOptions { Roles = ["primitives"], SeedNodes = [...] })
///     .WithClusterPrimitives(new ClusterPrimitivesOptions { Role = "primitives" }));
/// // anywhere with the ActorSystem:
/// var accounts = ClusterPrimitives.Get(system).Lock("accounts");
/// </code>
/// </example>
public static class ClusterPrimitivesHostingExtensions
{
    /// <summary>
    /// The settings this call adds as defaults (the application's own configuration wins): sharding keeps its
    /// coordinator state in distributed data, and the protocol goes over the wire through
    /// <see cref="Serialization.PrimitiveMessageSerializer"/>.
    /// </summary>
    public static Config Defaults { get; } = ConfigurationFactory.ParseString("akka.cluster.sharding.state-store-mode = ddata")
        .WithFallback(ClusterPrimitivesConfig.Serialization);

    /// <summary>
    /// Starts the cluster primitives when the actor system starts: a shard region on the nodes that have
    /// <see cref="ClusterPrimitivesOptions.Role"/> (every node if it is null), a proxy on the others and on
    /// <see cref="ClusterPrimitivesOptions.ProxyOnly"/> nodes. The region is registered in the <see cref="ActorRegistry"/>
    /// under <see cref="ClusterPrimitives"/>; facades come from <see cref="ClusterPrimitives.Get"/>.
    /// </summary>
    /// <remarks>The node needs Akka.Cluster (<c>WithClustering</c>) with a split-brain resolver: keep-majority is Akka's default.</remarks>
    public static AkkaConfigurationBuilder WithClusterPrimitives(this AkkaConfigurationBuilder builder, ClusterPrimitivesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHocon(Defaults, HoconAddMode.Append);
        return builder.WithActors((system, registry) => registry.TryRegister<ClusterPrimitives>(ClusterPrimitives.Start(system, options).Region));
    }
}
