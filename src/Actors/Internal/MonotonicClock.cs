using System.Diagnostics;

namespace Actors.Internal;

/// <summary>Deadlines as <see cref="Stopwatch"/> ticks: monotonic, cheap to read, immune to wall-clock changes.</summary>
internal static class MonotonicClock
{
    /// <summary>The deadline of a wait without timeout.</summary>
    public const long Never = long.MaxValue;

    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>The deadline <paramref name="timeout"/> from now; <see cref="Never"/> for no timeout or one too large to represent.</summary>
    public static long DeadlineAfter(TimeSpan? timeout)
    {
        if (timeout is not { } t) return Never;
        var ticks = TicksOf(t);
        var now = Now;
        return ticks >= Never - now ? Never : now + (long)ticks;
    }

    /// <summary><paramref name="span"/> in clock ticks, the unit of <see cref="Now"/>.</summary>
    public static Int128 TicksOf(TimeSpan span) => (Int128)span.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;

    /// <summary>How long from now until <paramref name="deadline"/> (zero if it has passed).</summary>
    public static TimeSpan Until(long deadline)
    {
        var remaining = deadline - Now;
        return remaining <= 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, remaining);
    }
}
