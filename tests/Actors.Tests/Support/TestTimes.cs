namespace Actors.Tests.Support;

/// <summary>
/// The timing constants of the suite, in one place. The machine is slow and shared, so bounds that must hold are
/// generous; short timeouts are only used where a coordinator's own timer has to fire.
/// </summary>
public static class TestTimes
{
    /// <summary>A generous upper bound for awaiting facade calls that must complete.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>How long an AwaitAssert or a coordinator's expiry answer may take to come true.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    /// <summary>How often an AwaitAssert looks again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>A request timeout that passes soon, for waits that must expire.</summary>
    public static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    /// <summary>A request timeout that never passes during a test.</summary>
    public static readonly TimeSpan Held = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a probe listens for a message that must not come, where nothing but waiting can show it (a timer that
    /// must not fire). Everywhere else absence is proven by a later reply on the same path.
    /// </summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(200);
}
