namespace Actors.Diagnostics;

/// <summary>Settings of <see cref="PrimitivesHealthCheck"/>. Every property is optional.</summary>
public sealed class PrimitivesHealthCheckOptions
{
    /// <summary>The default of <see cref="DegradedAfter"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultDegradedAfter = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="QueryTimeout"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A request that has waited this long, and still waits, makes the check report Degraded. Default:
    /// <see cref="DefaultDegradedAfter"/>.
    /// </summary>
    public TimeSpan? DegradedAfter { get; set; }

    /// <summary>
    /// How long the check waits for the deadlock detector and each coordinator to answer; a coordinator that does not
    /// answer in time is left out. Default: <see cref="DefaultQueryTimeout"/>.
    /// </summary>
    public TimeSpan? QueryTimeout { get; set; }
}
