using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.DependencyInjection;

namespace Actors.Diagnostics;

/// <summary>
/// Which meter the coordinators of an actor system record into (an Akka extension, resolved once per system): the
/// container's <see cref="IMeterFactory"/> when the system has a dependency resolver that offers one (Akka.Hosting
/// gives every system it starts such a resolver, and every .NET host registers a meter factory), else the static
/// <see cref="PrimitiveMetrics.FallbackMeter"/>.
/// </summary>
internal sealed class PrimitiveMeter : IExtension
{
    private PrimitiveMeter(ActorSystem system) => Instruments = PrimitiveInstruments.On(MeterOf(system));

    /// <summary>The instruments of the system's meter.</summary>
    public PrimitiveInstruments Instruments { get; }

    /// <summary>The instruments the coordinators of <paramref name="system"/> use.</summary>
    public static PrimitiveInstruments InstrumentsOf(ActorSystem system) => system.WithExtension<PrimitiveMeter, Provider>().Instruments;

    private static Meter MeterOf(ActorSystem system)
    {
        var resolver = system.Settings.Setup.Get<DependencyResolverSetup>();
        return resolver.HasValue && resolver.Value.DependencyResolver.GetService<IMeterFactory>() is { } factory
            ? PrimitiveMetrics.CreateMeter(factory)
            : PrimitiveMetrics.FallbackMeter;
    }

    private sealed class Provider : ExtensionIdProvider<PrimitiveMeter>
    {
        public override PrimitiveMeter CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
