using Actors.Diagnostics;

namespace Actors.Hosting;

/// <summary>
/// The deadlock detection of the actor system, set with
/// <see cref="ActorPrimitivesHostingExtensions.WithDeadlockDetection"/>: the typed form of the HOCON section
/// <c>actors.deadlock-detection</c> (<see cref="DeadlockDetectionSettings"/>). A property left null keeps the HOCON
/// value, or the default named on it.
/// </summary>
public sealed class DeadlockDetectionOptions
{
    /// <summary>Whether coordinators report their waits and the detector runs (HOCON <c>enabled</c>). Default: true.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How often the detector looks for cycles while it knows of waits (HOCON <c>interval</c>); positive. Default: 500 ms.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>
    /// How long a wait lasts before its coordinator reports it to the detector (HOCON <c>report-after</c>); zero
    /// reports every wait at once. Default: 100 ms.
    /// </summary>
    public TimeSpan? ReportAfter { get; set; }

    /// <summary>What the detector does about a deadlock (HOCON <c>resolution</c>). Default: <see cref="DeadlockResolution.ReportOnly"/>.</summary>
    public DeadlockResolution? Resolution { get; set; }

    /// <summary>
    /// Whether each report is logged as a warning through Akka's logging (HOCON <c>log</c>); it is published on the
    /// event stream as <see cref="DeadlockDetected"/> either way. Default: true.
    /// </summary>
    public bool? Log { get; set; }

    /// <summary>The HOCON of the properties that are set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive or report-after is negative.</exception>
    internal string ToHocon()
    {
        if (Interval is { } interval) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(Interval));
        if (ReportAfter is { } reportAfter) ArgumentOutOfRangeException.ThrowIfLessThan(reportAfter, TimeSpan.Zero, nameof(ReportAfter));
        var lines = new List<string>();
        if (Enabled is { } enabled) lines.Add($"enabled = {(enabled ? "on" : "off")}");
        if (Interval is { } i) lines.Add($"interval = {Microseconds(i)}");
        if (ReportAfter is { } r) lines.Add($"report-after = {Microseconds(r)}");
        if (Resolution is { } resolution)
            lines.Add($"resolution = {(resolution == DeadlockResolution.FailYoungestWaiter ? "fail-youngest-waiter" : "report-only")}");
        if (Log is { } log) lines.Add($"log = {(log ? "on" : "off")}");
        return $"{DeadlockDetectionSettings.ConfigPath} {{\n  {string.Join("\n  ", lines)}\n}}";
    }

    private static string Microseconds(TimeSpan span) => $"{span.Ticks / TimeSpan.TicksPerMicrosecond}micros";
}
