namespace Actors.Threads;

/// <summary>Where a started thread is in its life, as its coordinator sees it (see <see cref="ThreadProtocol.ThreadState"/>).</summary>
/// <remarks>
/// Python's <c>is_alive()</c> is true in the first two states. A thread that was never started has no coordinator,
/// so it has no status here; <see cref="ActorThread.IsAlive"/> is false for it.
/// </remarks>
public enum ThreadStatus
{
    /// <summary>Started, and its body has not begun yet (a timer waits for its interval in this state).</summary>
    Started,

    /// <summary>Its body is running.</summary>
    Running,

    /// <summary>Its body has returned or thrown (or, for a timer, it was cancelled before it fired); joins return.</summary>
    Finished,
}
