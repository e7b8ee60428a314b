using Akka.Actor;

namespace Actors.Hosting;

/// <summary>
/// Finds the registration behind a key and checks that the caller asks for what was registered, with a message that
/// names both: the one place where a queue registered for strings refuses to be used for integers.
/// </summary>
internal static class PrimitiveResolution
{
    /// <summary>
    /// The registration under <paramref name="key"/>, checked: it must exist and <paramref name="fits"/> must accept it.
    /// </summary>
    /// <param name="system">The actor system the primitive was registered in.</param>
    /// <param name="key">The key type.</param>
    /// <param name="wanted">What the caller asks for, for the message: <c>ActorQueue&lt;Int32&gt;</c>.</param>
    /// <param name="fits">Whether the registration serves what the caller asks for.</param>
    /// <exception cref="InvalidOperationException">Nothing is registered under the key, or something else is.</exception>
    public static PrimitiveRegistration Require(ActorSystem system, Type key, string wanted, Func<PrimitiveRegistration, bool> fits)
    {
        var registration = PrimitiveRegistrations.Find(system, key)
            ?? throw new InvalidOperationException(
                $"No primitive is registered under the key {key.Name}: register one with a With... call of ActorPrimitivesHostingExtensions " +
                $"(for example WithActorLock<{key.Name}>(\"name\")) in AddAkka before resolving {wanted}.");
        Check(registration, wanted, fits);
        return registration;
    }

    /// <summary>
    /// Checks a coordinator got from an <c>IRequiredActor</c>: if it was registered by a <c>With...</c> call, the
    /// registration must serve what the caller asks for. A coordinator registered by hand is not checked.
    /// </summary>
    public static void CheckRegistered(IActorRef coordinator, Type key, string wanted, Func<PrimitiveRegistration, bool> fits)
    {
        if (coordinator is not IInternalActorRef { Provider: { } provider }) return;
        if (PrimitiveRegistrations.Find(provider.Settings.System, key) is { } registration) Check(registration, wanted, fits);
    }

    /// <summary>True if <paramref name="registration"/> is a queue of <typeparamref name="T"/> (simple or not).</summary>
    public static bool IsQueueOf<T>(PrimitiveRegistration registration) => registration.ItemType == typeof(T);

    private static void Check(PrimitiveRegistration registration, string wanted, Func<PrimitiveRegistration, bool> fits)
    {
        if (fits(registration)) return;
        throw new InvalidOperationException(
            $"The primitive under the key {registration.Key.Name} was registered with {registration.Registration} and is an " +
            $"{PrimitiveRegistration.NameOf(registration.FacadeType)}; it cannot be used as {wanted}.");
    }
}
