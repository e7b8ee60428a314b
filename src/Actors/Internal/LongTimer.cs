namespace Actors.Internal;

/// <summary>
/// How an actor timer reaches a far deadline: in steps of at most an hour, each tick re-arming for what is left. One
/// long delay would overflow the scheduler's range (and a clock read hours ago is worth checking again anyway).
/// </summary>
internal static class LongTimer
{
    /// <summary>The longest single delay an actor timer is armed with.</summary>
    public static readonly TimeSpan LongestStep = TimeSpan.FromHours(1);

    /// <summary>The delay to arm the timer with now for <paramref name="deadline"/> (<see cref="MonotonicClock"/> ticks).</summary>
    public static TimeSpan NextStep(long deadline)
    {
        var delay = MonotonicClock.Until(deadline);
        return delay < LongestStep ? delay : LongestStep;
    }
}
