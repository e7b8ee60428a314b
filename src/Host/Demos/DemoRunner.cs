using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Host.Demos;

/// <summary>Runs demos inside a Microsoft.Extensions.Hosting host whose actor system is configured through Akka.Hosting.</summary>
internal static class DemoRunner
{
    /// <summary>Runs <paramref name="demos"/> one after the other, each in a fresh host, printing to <paramref name="output"/>.</summary>
    public static async Task RunAsync(IEnumerable<IDemo> demos, DemoSettings settings, TextWriter output, CancellationToken cancellation = default)
    {
        foreach (var demo in demos)
        {
            output.WriteLine($"=== {demo.Name}: {demo.Title}");
            await RunOneAsync(demo, settings, output, cancellation);
            output.WriteLine();
        }
    }

    /// <summary>
    /// Quiet logs; and room for non-daemon threads at shutdown: the interpreter waits for them without limit, the
    /// CoordinatedShutdown phase that waits for them here is given a minute so slow time scales still finish.
    /// </summary>
    private const string DemoHocon = """
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        actors.deadlock-detection.log = off  # the deadlock demos print each report themselves: once, not twice
        akka.coordinated-shutdown.phases.before-service-unbind.timeout = 60s
        """;

    private static async Task RunOneAsync(IDemo demo, DemoSettings settings, TextWriter output, CancellationToken cancellation)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAkka($"demo-{demo.Name}", akka => akka.AddHocon(DemoHocon, HoconAddMode.Prepend));
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            if (!settings.Live)
            {
                await demo.RunAsync(new DemoContext(system, host.Services, settings, output, cancellation));
                return;
            }

            // The final frame is drawn after the demo and before the host stops, while its primitives are still alive.
            await using var live = LiveView.Start(system, output, LiveView.IsTerminal(output));
            await demo.RunAsync(new DemoContext(system, host.Services, settings, live.Output, cancellation));
            await live.StopAsync();
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
