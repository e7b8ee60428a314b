using Actors.Diagnostics;
using Actors.Hosting;
using Actors.Lock;
using Actors.Owners;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Actors.Tests.Hosting;

/// <summary>
/// With Akka.Hosting routing Akka's logging to the application's <see cref="ILogger"/>, a deadlock is reported there
/// once, as a warning; an application that reports deadlocks itself turns that off and gets none.
/// </summary>
public sealed class DeadlockLoggingTests
{
    private static readonly TimeSpan Patience = TestTimes.Settle;

    [Fact]
    public async Task Deadlock_ReachesTheApplicationsLogger_OnceAsAWarning()
    {
        var logs = new CapturedLogs();
        using var cancel = new CancellationTokenSource();
        var (host, system, second) = await StartWithSelfDeadlockAsync(logs, log: null, cancel.Token);
        using var _ = host;

        var report = await logs.WaitForAsync(IsDeadlockReport).WaitAsync(Patience);
        Assert.Equal(LogLevel.Warning, report.Level);
        Assert.Contains("  main holds self-lock (Lock); waits for self-lock (Lock), held by main", report.Message);

        // The detector has seen the cycle stand, then go: every check that could have reported it again has run.
        Assert.Equal(HealthStatus.Unhealthy, (await new PrimitivesHealthCheck().CheckAsync(system)).Status);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await UntilHealthyAsync(system);
        await FlushAsync(system, logs);

        Assert.Single(logs.Entries, IsDeadlockReport);
        await host.StopAsync();
    }

    [Fact]
    public async Task Deadlock_WithLogOff_IsOnlyPublished_NotLogged()
    {
        var logs = new CapturedLogs();
        using var cancel = new CancellationTokenSource();
        var (host, system, second) = await StartWithSelfDeadlockAsync(logs, log: false, cancel.Token);
        using var _ = host;

        await UntilAsync(async () => (await new PrimitivesHealthCheck().CheckAsync(system)).Status == HealthStatus.Unhealthy);
        await FlushAsync(system, logs);

        Assert.DoesNotContain(logs.Entries, IsDeadlockReport);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await host.StopAsync();
    }

    private static bool IsDeadlockReport(CapturedLogs.Entry entry) => entry.Message.Contains("deadlock: main -> self-lock -> main", StringComparison.Ordinal);

    /// <summary>
    /// Starts a host whose Akka log goes to <paramref name="logs"/>, then has the holder of a lock ask for it again;
    /// returns the host, its actor system and the second, deadlocked acquire.
    /// </summary>
    private static async Task<(IHost Host, ActorSystem System, Task Second)> StartWithSelfDeadlockAsync(CapturedLogs logs, bool? log,
        CancellationToken cancellationToken)
    {
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services => services.AddAkka("deadlock-logging", akka => akka
                .ConfigureLoggers(loggers =>
                {
                    loggers.LogLevel = Akka.Event.LogLevel.InfoLevel;
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithDeadlockDetection(new DeadlockDetectionOptions { Interval = TimeSpan.FromMilliseconds(200), Log = log })))
            .Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var mutex = ActorLock.Create(system, "self-lock").WithOwner(ActorOwner.Create(system, "main").Ref);
        await mutex.AcquireAsync();
        return (host, system, mutex.AcquireAsync(cancellationToken));
    }

    /// <summary>Logs a marker through Akka's logging and waits for it: whatever was logged before it has arrived.</summary>
    private static async Task FlushAsync(ActorSystem system, CapturedLogs logs)
    {
        var marker = $"flush-{Guid.NewGuid():N}";
        system.Log.Warning(marker);
        await logs.WaitForAsync(entry => entry.Message.Contains(marker, StringComparison.Ordinal)).WaitAsync(Patience);
    }

    private static Task UntilHealthyAsync(ActorSystem system) =>
        UntilAsync(async () => (await new PrimitivesHealthCheck().CheckAsync(system)).Status == HealthStatus.Healthy);

    /// <summary>Asks again until <paramref name="condition"/> holds, for at most <see cref="Patience"/>.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
    }
}
