using Actors.Coordination;
using Actors.Threads;
using Akka.Actor;

namespace Actors.Timer;

/// <summary>
/// Python's <c>threading.Timer</c>: a thread that calls a function once its interval has passed, unless it was cancelled
/// first. Like Python's, it is a thread (<see cref="ActorThread"/>): started with <see cref="ActorThread.Start"/>, alive
/// while it waits and while its function runs, joined with <see cref="ActorThread.JoinAsync(CancellationToken)"/>, counted
/// by <c>active_count()</c>.
/// </summary>
/// <example>
/// <code>
/// var timer = new ActorTimer(system, TimeSpan.FromSeconds(1), args =&gt; Console.WriteLine($"hello, {args[0]}"), ["world"]);
/// timer.Start();
/// timer.Cancel();   // before it fires: it never will
/// </code>
/// </example>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>The interval is kept by the timer's coordinator actor (an actor timer), not by a sleeping thread; the
/// function's dedicated thread is taken only when it fires.</item>
/// <item>Whether a cancel came "before it fired" is decided by that actor, in the order it handles the two events
/// (a cancel requested before the actor fires counts even if its message is still on the way);
/// <see cref="CancelAsync"/> reports the decision, which Python's <c>cancel()</c> does not.</item>
/// <item>A negative interval is an <see cref="ArgumentOutOfRangeException"/>, where Python fires at once.</item>
/// <item>A daemon timer that has not fired when its actor system shuts down never fires (Python kills its thread).</item>
/// </list>
/// </remarks>
public sealed class ActorTimer : ActorThread
{
    private readonly TaskCompletionSource<bool> _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cancelRequested;

    /// <summary>A timer that calls <paramref name="function"/> with <paramref name="args"/> after <paramref name="interval"/>. Python: <c>Timer(interval, function, args)</c>.</summary>
    /// <param name="system">The actor system whose registry knows the timer's thread.</param>
    /// <param name="interval">How long after <see cref="ActorThread.Start"/> the function is called; zero or positive.</param>
    /// <param name="function">The function; it runs on a dedicated thread and may block.</param>
    /// <param name="args">The arguments passed to <paramref name="function"/>; empty if null.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="ActorThread.Current"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative.</exception>
    public ActorTimer(ActorSystem system, TimeSpan interval, Action<object?[]> function, object?[]? args = null, string? name = null,
        bool? daemon = null)
        : base(system, Sync(function, interval), args, name, daemon) =>
        Interval = interval;

    /// <summary>A timer that calls <paramref name="function"/>, which takes no arguments, after <paramref name="interval"/>.</summary>
    /// <param name="system">The actor system whose registry knows the timer's thread.</param>
    /// <param name="interval">How long after <see cref="ActorThread.Start"/> the function is called; zero or positive.</param>
    /// <param name="function">The function; it runs on a dedicated thread and may block.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="ActorThread.Current"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative.</exception>
    public ActorTimer(ActorSystem system, TimeSpan interval, Action function, string? name = null, bool? daemon = null)
        : base(system, Sync(function, interval), null, name, daemon) =>
        Interval = interval;

    /// <summary>A timer that calls the asynchronous <paramref name="function"/> with <paramref name="args"/> after <paramref name="interval"/>.</summary>
    /// <param name="system">The actor system whose registry knows the timer's thread.</param>
    /// <param name="interval">How long after <see cref="ActorThread.Start"/> the function is called; zero or positive.</param>
    /// <param name="function">The function; the timer's thread ends when its task completes. Its token is cancelled if the thread is abandoned.</param>
    /// <param name="args">The arguments passed to <paramref name="function"/>; empty if null.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="ActorThread.Current"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative.</exception>
    public ActorTimer(ActorSystem system, TimeSpan interval, Func<object?[], CancellationToken, Task> function, object?[]? args = null,
        string? name = null, bool? daemon = null)
        : base(system, Checked(function, interval), args, name, daemon) =>
        Interval = interval;

    /// <summary>How long after <see cref="ActorThread.Start"/> the function is called (Python's <c>interval</c>).</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// Stops the timer if it has not fired yet (Python's <c>cancel()</c>): the function never runs and the timer's thread
    /// finishes. After it fired, does nothing. Before <see cref="ActorThread.Start"/>, the timer will end without firing
    /// once started. Returns at once; the timer's coordinator decides (see <see cref="CancelAsync"/>).
    /// </summary>
    public void Cancel()
    {
        Interlocked.Exchange(ref _cancelRequested, 1);
        if (Coordinator is { } coordinator && !_fired.Task.IsCompleted) SendCancel(coordinator);
    }

    /// <summary>Like <see cref="Cancel"/>, and tells whether the function will never run.</summary>
    /// <returns>
    /// True if the timer never fires (this or an earlier cancel came first, or it was abandoned at shutdown); false if it
    /// had already fired, in which case its function runs or ran to its end.
    /// </returns>
    /// <remarks>
    /// A timer not started yet never fires after this (its coordinator, when it is started, finds the cancel before it
    /// fires), so the answer is true at once; once a start is under way, even one that has not published its
    /// coordinator, the answer waits for the coordinator's decision, so it never claims a firing it did not prevent.
    /// </remarks>
    public async Task<bool> CancelAsync()
    {
        Cancel();
        if (!IsStartedOrStarting) return true;
        return !await _fired.Task.ConfigureAwait(false);
    }

    /// <summary>Whether a cancel was requested: the coordinator looks before it fires, whenever the cancel message arrives.</summary>
    internal bool IsCancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    internal override Props CreateCoordinatorProps(long ident, bool daemon, IActorRef registry, ThreadLifetime lifetime) =>
        CoordinatorActor.PropsFor(() => new TimerCoordinator(this, ident, daemon, registry, lifetime, Interval, _fired, () => IsCancelRequested));

    /// <summary>A cancel that came before <see cref="ActorThread.Start"/> published the coordinator is delivered now.</summary>
    internal override void OnStarted(IActorRef coordinator)
    {
        if (Volatile.Read(ref _cancelRequested) != 0) SendCancel(coordinator);
    }

    /// <summary>
    /// A start that failed launched no coordinator to decide; if a cancel was requested, the timer never fires, and a
    /// <see cref="CancelAsync"/> that saw the start under way learns it here.
    /// </summary>
    internal override void OnStartFailed()
    {
        if (IsCancelRequested) _fired.TrySetResult(false);
    }

    private static void SendCancel(IActorRef coordinator) =>
        coordinator.Tell(new TimerProtocol.Cancel(Protocol.RequestIds.Next()), ActorRefs.NoSender);

    // The arguments are checked before the base constructor runs, so that a refused timer takes no Thread-N name.
    private static Func<object?[], CancellationToken, Task> Checked(Func<object?[], CancellationToken, Task> function, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckInterval(interval);
        return function;
    }

    private static Action<object?[], CancellationToken> Sync(Action<object?[]> function, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckInterval(interval);
        return (args, _) => function(args);
    }

    private static Action<object?[], CancellationToken> Sync(Action function, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(function);
        CheckInterval(interval);
        return (_, _) => function();
    }

    private static void CheckInterval(TimeSpan interval)
    {
        if (interval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be zero or positive.");
    }
}
