using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Diagnostics;
using Actors.Hosting;
using Actors.Lock;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

/// <summary>In a hosted application the coordinators record into a meter of the container's <see cref="IMeterFactory"/>.</summary>
public sealed class HostedMetricsTests
{
    [Fact]
    public async Task HostedCoordinators_RecordIntoTheContainersMeterFactory_WithTheLibraryVersion()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services
                .AddAkka("hosted-metrics", akka => akka.WithActorLock<MeteredLock>("metered-lock"))
                .AddActorPrimitive<MeteredLock, ActorLock>())
            .Build();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var acquisitions = new ConcurrentQueue<(Meter Meter, long Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrimitiveMetrics.MeterName && instrument.Name == PrimitiveMetrics.AcquisitionsName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: PrimitiveMetrics.NameTag, Value: "metered-lock" })
                    acquisitions.Enqueue((instrument.Meter, value));
        });
        listener.Start();
        await host.StartAsync();
        try
        {
            var mutex = host.Services.GetRequiredKeyedService<ActorLock>(typeof(MeteredLock));
            await mutex.AcquireAsync();
            await mutex.ReleaseAsync();

            var (meter, value) = Assert.Single(acquisitions);
            Assert.Equal(1, value);
            Assert.Same(factory, meter.Scope);
            Assert.NotSame(PrimitiveMetrics.FallbackMeter, meter);
            Assert.Equal(PrimitiveMetrics.MeterVersion, meter.Version);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class MeteredLock;
}
