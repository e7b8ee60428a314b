namespace Actors.Host.Demos;

/// <summary>How a demo run is configured from the command line.</summary>
internal sealed record DemoSettings
{
    /// <summary>The tutorial's default scale: one tutorial second lasts this many real seconds.</summary>
    public const double DefaultTimeScale = 0.1;

    /// <summary>
    /// The scale of a <c>--live</c> run without <c>--time-scale</c>: the tutorial's own seconds, so the live table can be
    /// watched (the semaphore demo lasts about 15 s instead of 1.5 s).
    /// </summary>
    public const double LiveTimeScale = 1.0;

    /// <summary>Real seconds per tutorial second (<c>--time-scale</c>).</summary>
    public double TimeScale { get; init; } = DefaultTimeScale;

    /// <summary><c>--unsafe</c>: also run the unguarded shared-memory version where the demo has one.</summary>
    public bool Unsafe { get; init; }

    /// <summary><c>--ordered</c>: take locks in a global order where the demo would otherwise deadlock.</summary>
    public bool Ordered { get; init; }

    /// <summary><c>--live</c>: show every primitive of the demo (holders, waiters, queue depths), refreshed while it runs.</summary>
    public bool Live { get; init; }
}
