using Akka.Configuration;

namespace Actors.Diagnostics;

/// <summary>
/// How the deadlock detector of an actor system works, read from HOCON under <c>actors.deadlock-detection</c>:
/// <code>
/// actors.deadlock-detection {
///   enabled = on                # off: coordinators report nothing, nothing is detected
///   interval = 500ms            # how often the detector checks while it knows of waits
///   report-after = 100ms        # a wait is reported once it has lasted this long; 0: at once
///   resolution = report-only    # or fail-youngest-waiter
///   log = on                    # off: reports are only published on the event stream, not logged
/// }
/// </code>
/// </summary>
/// <remarks>
/// A cycle is reported after it was seen in two consecutive checks, so within about two intervals of forming
/// (one second with the default). The second look keeps a view made of reports still in flight from being reported.
/// Coordinators report a wait only once it has lasted <see cref="ReportAfter"/> (PostgreSQL's <c>deadlock_timeout</c>
/// works the same way): a deadlock lasts for ever, while the short waits of a busy lock, which are most of them, then
/// cost no message to the detector.
/// </remarks>
public sealed record DeadlockDetectionSettings
{
    /// <summary>The HOCON path of the settings.</summary>
    public const string ConfigPath = "actors.deadlock-detection";

    /// <summary>The default check interval: 500 ms.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether coordinators report their waits and the detector runs. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the detector looks for cycles while it knows of waits. Default: <see cref="DefaultInterval"/>.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>The default wait a coordinator lets pass before it reports a wait: 100 ms.</summary>
    public static readonly TimeSpan DefaultReportAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a wait lasts before its coordinator reports it to the detector; zero reports every wait at once.</summary>
    public TimeSpan ReportAfter { get; init; } = DefaultReportAfter;

    /// <summary>What to do about a detected deadlock. Default: <see cref="DeadlockResolution.ReportOnly"/>.</summary>
    public DeadlockResolution Resolution { get; init; } = DeadlockResolution.ReportOnly;

    /// <summary>
    /// Whether the detector logs each report as a warning through Akka's logging (which Akka.Hosting can route to the
    /// application's <c>ILogger</c>). Default: true; turn it off when the application reports deadlocks itself from
    /// <see cref="DeadlockDetected"/> on the event stream, so that each is reported once.
    /// </summary>
    public bool Log { get; init; } = true;

    /// <summary>Reads the settings from <paramref name="config"/> (the system's whole configuration); missing keys keep their defaults.</summary>
    /// <exception cref="ConfigurationException">The interval is not positive, report-after is negative or the resolution is unknown.</exception>
    public static DeadlockDetectionSettings FromConfig(Config config)
    {
        var settings = new DeadlockDetectionSettings();
        if (config is null || config.IsEmpty || !config.HasPath(ConfigPath)) return settings;
        var section = config.GetConfig(ConfigPath);
        var interval = Duration(section, "interval", DefaultInterval);
        if (interval <= TimeSpan.Zero) throw new ConfigurationException($"{ConfigPath}.interval must be positive, not {interval}.");
        var reportAfter = Duration(section, "report-after", DefaultReportAfter);
        if (reportAfter < TimeSpan.Zero) throw new ConfigurationException($"{ConfigPath}.report-after must not be negative, not {reportAfter}.");
        var resolution = section.GetString("resolution", "report-only") switch
        {
            "report-only" => DeadlockResolution.ReportOnly,
            "fail-youngest-waiter" => DeadlockResolution.FailYoungestWaiter,
            var other => throw new ConfigurationException($"{ConfigPath}.resolution must be report-only or fail-youngest-waiter, not '{other}'."),
        };
        return settings with { Enabled = section.GetBoolean("enabled", true), Interval = interval, ReportAfter = reportAfter, Resolution = resolution, Log = section.GetBoolean("log", true) };
    }

    private static TimeSpan Duration(Config section, string key, TimeSpan fallback)
    {
        try
        {
            return section.GetTimeSpan(key, fallback);
        }
        catch (FormatException error)
        {
            throw new ConfigurationException($"{ConfigPath}.{key} must be a non-negative duration such as 100ms: {error.Message}");
        }
    }
}
