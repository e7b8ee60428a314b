using System.Diagnostics;
using Actors.Internal;

namespace Actors.Tests.Internal;

/// <summary>Deadlines in stopwatch ticks, including timeouts far larger than a test could wait for.</summary>
public sealed class MonotonicClockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(60 * 24)]
    [InlineData(60 * 24 * 365)]
    public void DeadlineAfter_TimeoutInMinutes_IsFiniteAndThatFarAhead(int minutes)
    {
        var before = MonotonicClock.Now;
        var deadline = MonotonicClock.DeadlineAfter(TimeSpan.FromMinutes(minutes));
        Assert.NotEqual(MonotonicClock.Never, deadline);
        var ahead = Stopwatch.GetElapsedTime(before, deadline);
        Assert.InRange(ahead, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void DeadlineAfter_NoTimeout_IsNever() => Assert.Equal(MonotonicClock.Never, MonotonicClock.DeadlineAfter(null));

    [Fact]
    public void DeadlineAfter_MaxValue_SaturatesToNever() => Assert.Equal(MonotonicClock.Never, MonotonicClock.DeadlineAfter(TimeSpan.MaxValue));

    [Fact]
    public void Until_PassedDeadline_IsZero() => Assert.Equal(TimeSpan.Zero, MonotonicClock.Until(MonotonicClock.Now - 1000));
}
