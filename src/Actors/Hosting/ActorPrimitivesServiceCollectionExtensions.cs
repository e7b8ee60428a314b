using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Hosting;

/// <summary>
/// Makes the facade of a primitive registered with <see cref="ActorPrimitivesHostingExtensions"/> injectable into
/// constructors, as a keyed service whose key is the primitive's key type:
/// <code>
/// services.AddAkka("app", akka => akka.WithActorQueue&lt;JobQueue, Job&gt;("jobs"));
/// services.AddActorPrimitive&lt;JobQueue, ActorQueue&lt;Job&gt;&gt;();
/// public sealed class Worker([FromKeyedServices(typeof(JobQueue))] ActorQueue&lt;Job&gt; jobs) { ... }
/// </code>
/// </summary>
/// <remarks>
/// <para>Why a second call: Akka.Hosting's <c>AkkaConfigurationBuilder</c> does not expose the service collection it
/// was created from, so a <c>With...</c> call cannot register services; the key and the facade type are named again
/// here, and the two are checked against each other when the facade is first resolved.</para>
/// <para>The facade is a singleton acting for the anonymous owner (use its <c>WithOwner</c> for a named owner; a
/// re-entrant lock needs one). Resolving it does not wait for the hosted service: it starts the actor system if needed
/// and the coordinator if the hosted service has not yet, so a hosted service may take the facade in its constructor.
/// The hosted service then registers the same coordinator in the <c>ActorRegistry</c>.</para>
/// </remarks>
public static class ActorPrimitivesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TFacade"/> as a keyed singleton under <c>typeof(TKey)</c>: the facade over the
    /// primitive registered under <typeparamref name="TKey"/>.
    /// </summary>
    /// <typeparam name="TKey">The key type given to the <c>With...</c> call.</typeparam>
    /// <typeparam name="TFacade">
    /// The facade: <c>ActorLock</c>, <c>ActorRLock</c>, <c>ActorSemaphore</c>, <c>ActorEvent</c>, <c>ActorBarrier</c>,
    /// <c>ActorQueue&lt;T&gt;</c> or <c>ActorSimpleQueue&lt;T&gt;</c> (for <c>QueueKind.Simple</c>), <c>ActorExecutor</c>.
    /// </typeparam>
    /// <returns>The same service collection.</returns>
    /// <remarks>Resolution throws <see cref="InvalidOperationException"/> if nothing is registered under the key, or a
    /// different primitive or item type is (a queue of strings resolved as <c>ActorQueue&lt;int&gt;</c>).</remarks>
    public static IServiceCollection AddActorPrimitive<TKey, TFacade>(this IServiceCollection services)
        where TFacade : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddKeyedSingleton(typeof(TKey), static (provider, _) =>
        {
            var system = provider.GetRequiredService<ActorSystem>();
            var registration = PrimitiveResolution.Require(system, typeof(TKey), PrimitiveRegistration.NameOf(typeof(TFacade)),
                static r => r.FacadeType == typeof(TFacade));
            return (TFacade)registration.CreateFacade(HostedPrimitives.CoordinatorOf(system, registration));
        });
    }
}
