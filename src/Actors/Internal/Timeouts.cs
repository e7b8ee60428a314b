namespace Actors.Internal;

/// <summary>
/// The one rule for timeouts, shared by facades (which throw) and coordinators (which reject):
/// <c>null</c> or <see cref="Timeout.InfiniteTimeSpan"/> waits forever, zero never waits,
/// any other negative value is out of range.
/// </summary>
internal static class Timeouts
{
    public static bool IsValid(TimeSpan? timeout) =>
        timeout is not { } t || t >= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan;

    /// <summary>The timeout as a request carries it: null for infinite.</summary>
    public static TimeSpan? Normalize(TimeSpan? timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? null : timeout;

    /// <summary>Validates a facade argument and converts it for a request.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public static TimeSpan? ForRequest(TimeSpan timeout, string paramName = "timeout")
    {
        if (!IsValid(timeout))
            throw new ArgumentOutOfRangeException(paramName, timeout, "The timeout must be zero or positive, or Timeout.InfiniteTimeSpan.");
        return Normalize(timeout);
    }

    public const string InvalidMessage = "The timeout must be null, Timeout.InfiniteTimeSpan, zero or positive.";
}
