using Actors.Hosting;
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
    /// <param name="demos">The demos.</param>
    /// <param name="settings">The command line's settings.</param>
    /// <param name="output">Where the demos print.</param>
    /// <param name="cancellation">Stops the demos.</param>
    /// <param name="logs">Where the host's log goes (Akka's included); the console, warnings and above, if null.</param>
    public static async Task RunAsync(IEnumerable<IDemo> demos, DemoSettings settings, TextWriter output, CancellationToken cancellation = default,
        ILoggerProvider? logs = null)
    {
        foreach (var demo in demos)
        {
            output.WriteLine($"=== {demo.Name}: {demo.Title}");
            await RunOneAsync(demo, settings, output, logs, cancellation);
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
        akka.coordinated-shutdown.phases.before-service-unbind.timeout = 60s
        """;

    /// <summary>
    /// One host per demo. Akka's logging goes to the host's <c>ILogger</c>; the deadlock detector does not log its
    /// reports there, because the deadlock demos print each report themselves: once, not twice.
    /// </summary>
    private static async Task RunOneAsync(IDemo demo, DemoSettings settings, TextWriter output, ILoggerProvider? logs, CancellationToken cancellation)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is null) builder.Logging.AddSimpleConsole();
        else builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAkka($"demo-{demo.Name}", akka => akka
            .AddHocon(DemoHocon, HoconAddMode.Prepend)
            .ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .WithDeadlockDetection(new DeadlockDetectionOptions { Log = false }));
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
