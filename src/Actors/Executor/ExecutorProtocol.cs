namespace Actors.Executor;

/// <summary>
/// The messages between an <see cref="ActorExecutor"/>, its coordinator and its workers. They carry delegates and
/// futures, so unlike the synchronisation primitives' protocols they are local-only and internal.
/// </summary>
internal static class ExecutorProtocol
{
    /// <summary>
    /// Facade to coordinator, and coordinator to worker as it is: run the job and complete its future. The sender, a
    /// <see cref="FutureReplyTarget"/> (or an <c>Ask</c> for a coordinator that is not local), gets the job's outcome
    /// from the worker.
    /// </summary>
    public abstract record Job(long Id, ActorFuture Future);

    /// <summary>A job that runs to its end inside the worker's handler.</summary>
    public abstract record SynchronousJob(long Id, ActorFuture Future) : Job(Id, Future)
    {
        /// <summary>Runs the job and returns its result.</summary>
        public abstract object? Run();
    }

    /// <summary>A synchronous job that runs the caller's function as it was given, with no wrapper around it.</summary>
    public sealed record FunctionJob<T>(long Id, ActorFuture Future, Func<T> Function) : SynchronousJob(Id, Future)
    {
        /// <inheritdoc />
        public override object? Run() => Function();
    }

    /// <summary>
    /// A job whose worker stays busy until the task that <paramref name="Start"/> returns completes; the token it is
    /// given is cancelled by a shutdown with <c>cancelFutures</c> or when the executor stops.
    /// </summary>
    public sealed record AsynchronousJob(long Id, ActorFuture Future, Func<CancellationToken, Task<object?>> Start) : Job(Id, Future);

    /// <summary>Reply: the job returned <paramref name="Result"/>.</summary>
    public sealed record JobCompleted(long Id, object? Result);

    /// <summary>Reply: the job threw <paramref name="Error"/>, or the executor refused it (shut down, broken).</summary>
    public sealed record JobFailed(long Id, Exception Error);

    /// <summary>
    /// Reply: the job never ran (its future was cancelled or failed before a worker took it). Sent only once the future
    /// is done, so it never overtakes the reply of a worker that runs the job.
    /// </summary>
    public sealed record JobSkipped(long Id);

    /// <summary>
    /// Completes <paramref name="future"/> from a worker's reply: <see cref="JobCompleted"/> with its result,
    /// <see cref="JobFailed"/> with its exception; <see cref="JobSkipped"/> leaves it as it is (already cancelled or failed).
    /// </summary>
    public static void Complete(ActorFuture future, object reply)
    {
        switch (reply)
        {
            case JobCompleted completed:
                future.TrySetResult(completed.Result);
                break;
            case JobFailed failed:
                future.TrySetException(failed.Error);
                break;
        }
    }

    /// <summary>
    /// Worker to coordinator: <paramref name="Count"/> more jobs left the worker, whatever their outcome (run, failed,
    /// skipped, or passed by because another worker started it). A worker reports once the jobs queued in its mailbox
    /// when the first of them finished are through (see <see cref="ReportFinished"/>), so one report stands for a batch;
    /// a report that leaves the worker with nothing handed is its request for more.
    /// </summary>
    public sealed record JobsFinished(int Count);

    /// <summary>Worker to coordinator, when it starts (and again after a restart): it is ready for jobs.</summary>
    public sealed record WorkerReady
    {
        public static readonly WorkerReady Instance = new();
    }

    /// <summary>
    /// Worker to itself, and coordinator to worker in the middle of a batch: report the jobs finished since the last
    /// report (a worker with nothing finished since says nothing).
    /// </summary>
    public sealed record ReportFinished
    {
        public static readonly ReportFinished Instance = new();
    }

    /// <summary>Worker to coordinator: the initializer threw; the executor is broken.</summary>
    public sealed record InitializerFailed(Exception Error);

    /// <summary>Facade to coordinator, by Ask: stop accepting jobs. The reply, <see cref="ShutdownCompleted"/>, comes
    /// once every accepted job has left the workers if <paramref name="Wait"/> is set, at once otherwise.</summary>
    public sealed record Shutdown(bool Wait, bool CancelFutures);

    /// <summary>Reply to <see cref="Shutdown"/>.</summary>
    public sealed record ShutdownCompleted
    {
        public static readonly ShutdownCompleted Instance = new();
    }

    /// <summary>Facade to coordinator: a done-callback threw; the coordinator logs it, the other callbacks still ran.</summary>
    public sealed record CallbackFailed(ActorFuture Future, Exception Error);

    /// <summary>Asks the coordinator for its state. Reply: <see cref="ExecutorState"/>.</summary>
    public sealed record GetState
    {
        public static readonly GetState Instance = new();
    }
}
