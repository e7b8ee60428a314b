namespace Actors.Executor;

/// <summary>Where a future is in its life (Python's <c>Future</c> states).</summary>
public enum FutureState
{
    /// <summary>Submitted, not yet started: the only state in which <see cref="ActorFuture.Cancel"/> succeeds.</summary>
    Pending,

    /// <summary>A worker is running the job.</summary>
    Running,

    /// <summary>Cancelled before it started; the job never runs.</summary>
    Cancelled,

    /// <summary>Finished with a result or an exception.</summary>
    Finished,
}
