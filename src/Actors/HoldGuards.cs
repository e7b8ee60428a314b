using Akka.Actor;

namespace Actors;

/// <summary>Where an actor system's <see cref="IHoldGuard"/> is kept; the cluster package registers it when its primitives start.</summary>
public static class HoldGuards
{
    /// <summary>Makes <paramref name="guard"/> watch the leases handed out on <paramref name="system"/> from now on, replacing any earlier one.</summary>
    public static void Register(ActorSystem system, IHoldGuard guard)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(guard);
        system.WithExtension<Registry, RegistryId>().Guard = guard;
    }

    /// <summary>The guard of <paramref name="system"/>, or null when none was registered.</summary>
    internal static IHoldGuard? For(ActorSystem system) => system.HasExtension<Registry>() ? system.GetExtension<Registry>().Guard : null;

    private sealed class Registry : IExtension
    {
        private IHoldGuard? _guard;

        public IHoldGuard? Guard
        {
            get => Volatile.Read(ref _guard);
            set => Volatile.Write(ref _guard, value);
        }
    }

    private sealed class RegistryId : ExtensionIdProvider<Registry>
    {
        public override Registry CreateExtension(ExtendedActorSystem system) => new();
    }
}
