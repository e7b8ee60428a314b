namespace Actors.Cluster.Testing.Faults;

/// <summary>The shape of a drawn <see cref="FaultSchedule"/>.</summary>
public sealed record FaultScheduleOptions
{
    /// <summary>How many faults. Default 3.</summary>
    public int Steps { get; init; } = 3;

    /// <summary>The shortest time a fault is held. Default 1 s.</summary>
    public TimeSpan ShortestHold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest time a fault is held. Default 6 s (longer than the test timings' downing time).</summary>
    public TimeSpan LongestHold { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How long the cluster runs whole between faults. Default 1 s.</summary>
    public TimeSpan Calm { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Options whose holds are scaled to <paramref name="timings"/>: up to 1.5 times its downing time.</summary>
    public static FaultScheduleOptions For(ClusterTimings timings, int steps) => new()
    {
        Steps = steps,
        ShortestHold = timings.DowningTime / 4,
        LongestHold = timings.DowningTime * 1.5,
    };
}
