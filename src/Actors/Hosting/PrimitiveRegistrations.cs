using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Hosting;

namespace Actors.Hosting;

/// <summary>
/// The primitives registered on one <see cref="AkkaConfigurationBuilder"/>, by key type. It travels into the actor
/// system as a <see cref="Setup"/>, so that anything holding the system (a facade resolved from the container, a
/// <c>GetXAsync</c> extension) can look a registration up and check it, even before the hosted service has started
/// the coordinators.
/// </summary>
internal sealed class PrimitiveRegistrations : Setup
{
    private readonly Dictionary<Type, PrimitiveRegistration> _byKey = new();

    /// <summary>The registrations of <paramref name="builder"/>, added to its setups the first time.</summary>
    public static PrimitiveRegistrations Of(AkkaConfigurationBuilder builder)
    {
        if (builder.Setups.OfType<PrimitiveRegistrations>().FirstOrDefault() is { } existing) return existing;
        var registrations = new PrimitiveRegistrations();
        builder.AddSetup(registrations);
        return registrations;
    }

    /// <summary>The registration under <paramref name="key"/> in <paramref name="system"/>, or null if there is none.</summary>
    public static PrimitiveRegistration? Find(ActorSystem system, Type key)
    {
        var setup = system.Settings.Setup.Get<PrimitiveRegistrations>();
        return setup.HasValue ? setup.Value._byKey.GetValueOrDefault(key) : null;
    }

    /// <summary>Adds a registration.</summary>
    /// <exception cref="InvalidOperationException">Another primitive is registered under the same key.</exception>
    public void Add(PrimitiveRegistration registration)
    {
        if (!_byKey.TryAdd(registration.Key, registration))
            throw new InvalidOperationException(
                $"{registration.Registration}: the key {registration.Key.Name} is already taken by {_byKey[registration.Key].Registration}.");
    }
}
