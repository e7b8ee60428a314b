using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;

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
/// // or injected into constructors: [FromKeyedServices(typeof(AccountsLock))] ActorLock accounts
/// services.AddClusterPrimitive&lt;AccountsLock, ActorLock&gt;(cluster => cluster.Lock("accounts"));
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
        builder.AddSetup(new ClusterPrimitivesSetup(options));
        return builder.WithActors((system, registry) => registry.TryRegister<ClusterPrimitives>(ClusterPrimitives.Start(system, options).Region));
    }

    /// <summary>
    /// Makes a named cluster primitive's facade injectable into constructors, as a keyed singleton under
    /// <c>typeof(TKey)</c>, like <c>AddActorPrimitive</c> does for in-process primitives:
    /// <c>services.AddClusterPrimitive&lt;AccountsLock, ActorLock&gt;(cluster => cluster.Lock("accounts"))</c>, then
    /// <c>[FromKeyedServices(typeof(AccountsLock))] ActorLock accounts</c>.
    /// </summary>
    /// <typeparam name="TKey">The key type the facade is injected by.</typeparam>
    /// <typeparam name="TFacade">The facade <paramref name="facade"/> returns (<c>ActorLock</c>, <c>ActorQueue&lt;T&gt;</c>, ...).</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="facade">Picks the primitive by name, kind and settings from the node's <see cref="ClusterPrimitives"/>.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// Resolving the facade does not wait for the hosted service: it starts the node's primitives (with the options given
    /// to <see cref="WithClusterPrimitives"/>) if needed, so a hosted service may take it in its constructor. The item
    /// type of a queue is the one <paramref name="facade"/> names, so it cannot differ from the injected one. Resolution
    /// throws <see cref="InvalidOperationException"/> when <c>WithClusterPrimitives</c> is missing.
    /// </remarks>
    public static IServiceCollection AddClusterPrimitive<TKey, TFacade>(this IServiceCollection services, Func<ClusterPrimitives, TFacade> facade)
        where TFacade : CoordinatorFacade
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(facade);
        return services.AddKeyedSingleton(typeof(TKey),
            (provider, _) => facade(ClusterPrimitivesSetup.StartedOn(provider.GetRequiredService<ActorSystem>())));
    }
}
