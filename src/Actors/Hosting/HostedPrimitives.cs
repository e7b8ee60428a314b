using System.Collections.Concurrent;
using Akka.Actor;

namespace Actors.Hosting;

/// <summary>
/// The coordinators of registered primitives in one actor system (an Akka extension). A coordinator starts the first
/// time anyone needs it: the hosted service registering it in the <see cref="Akka.Hosting.ActorRegistry"/>, or a
/// facade resolved from the container before that, so a facade can be injected into a constructor that runs before
/// the actor system's actors are started. Each registration is started exactly once per system.
/// </summary>
internal sealed class HostedPrimitives : IExtension
{
    private readonly ConcurrentDictionary<Type, Lazy<IActorRef>> _coordinators = new();
    private readonly ActorSystem _system;

    private HostedPrimitives(ActorSystem system) => _system = system;

    /// <summary>The coordinator of <paramref name="registration"/> in <paramref name="system"/>, started if it was not yet.</summary>
    public static IActorRef CoordinatorOf(ActorSystem system, PrimitiveRegistration registration) =>
        system.WithExtension<HostedPrimitives, Provider>().CoordinatorOf(registration);

    private IActorRef CoordinatorOf(PrimitiveRegistration registration) =>
        _coordinators.GetOrAdd(registration.Key, _ => new Lazy<IActorRef>(() => registration.Start(_system))).Value;

    private sealed class Provider : ExtensionIdProvider<HostedPrimitives>
    {
        public override HostedPrimitives CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
