using Akka.Actor;

namespace Actors.Threads;

/// <summary>Registers <see cref="ThreadRegistry"/> as an extension of an actor system: one registry per system.</summary>
internal sealed class ThreadRegistryProvider : ExtensionIdProvider<ThreadRegistry>
{
    public static readonly ThreadRegistryProvider Instance = new();

    public override ThreadRegistry CreateExtension(ExtendedActorSystem system) => new(system);
}
