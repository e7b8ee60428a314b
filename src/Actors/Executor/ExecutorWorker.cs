using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// One worker of an executor's pool. It runs on the executor's own dispatcher, one thread per worker, so a job that
/// blocks (the tutorial sleeps in every job) blocks only this worker's thread. It announces itself to the coordinator,
/// which hands it jobs only while it is idle. A synchronous job runs inside the handler; an asynchronous one is piped
/// back as a message while later jobs wait in the stash. It tells the coordinator how many jobs left it in batches
/// (<see cref="ExecutorProtocol.JobsFinished"/>) rather than one message per job; a report that covers all it was
/// handed asks for more.
/// </summary>
internal sealed class ExecutorWorker : UntypedActor, IWithUnboundedStash
{
    private readonly IActorRef _coordinator;
    private readonly Action? _initializer;
    private readonly CancellationToken _stopping;
    private int _finishedUnreported;
    private BrokenExecutorException? _initializerFailure;

    public ExecutorWorker(IActorRef coordinator, Action? initializer, CancellationToken stopping)
    {
        _coordinator = coordinator;
        _initializer = initializer;
        _stopping = stopping;
    }

    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// Exceptions after which the worker's thread is not to be trusted: the job's future fails with the exception,
    /// and the worker crashes so that its supervisor replaces it. Its mailbox survives the restart: no job is lost.
    /// </summary>
    internal static bool IsFatalToWorker(Exception error) =>
        error is OutOfMemoryException or InsufficientExecutionStackException or ThreadInterruptedException;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExecutorProtocol.Job job:
                OnJob(job);
                break;
            case ExecutorProtocol.ReportFinished:
                ReportFinished();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>
    /// Runs the initializer on the worker's own thread, as a Python worker thread does when it starts, then tells the
    /// coordinator this worker is ready for jobs (after a restart too; the coordinator knows it then). If the initializer
    /// throws, the coordinator is told that the executor is broken instead.
    /// </summary>
    protected override void PreStart()
    {
        try
        {
            _initializer?.Invoke();
        }
        catch (Exception error)
        {
            _initializerFailure = new BrokenExecutorException("A worker's initializer failed; the executor is broken.", error);
            _coordinator.Tell(new ExecutorProtocol.InitializerFailed(error));
            return;
        }

        _coordinator.Tell(ExecutorProtocol.WorkerReady.Instance, Self);
    }

    /// <summary>A restart replaces this instance and its count: report the jobs it finished first.</summary>
    protected override void PreRestart(Exception reason, object message)
    {
        ReportFinished();
        base.PreRestart(reason, message);
    }

    private void OnJob(ExecutorProtocol.Job job)
    {
        if (_initializerFailure is not null) job.Future.TryFailPending(_initializerFailure);
        if (!job.Future.TryStart())
        {
            PassBy(job);
            return;
        }

        if (job is ExecutorProtocol.SynchronousJob synchronous) RunSynchronously(synchronous);
        else StartAsynchronously((ExecutorProtocol.AsynchronousJob)job);
    }

    private void RunSynchronously(ExecutorProtocol.SynchronousJob job)
    {
        object? result;
        try
        {
            result = job.Run();
        }
        catch (Exception error)
        {
            Finish(Sender, new ExecutorProtocol.JobFailed(job.Id, error));
            if (IsFatalToWorker(error)) throw new WorkerCrashedException(job.Id, error);
            return;
        }

        Finish(Sender, new ExecutorProtocol.JobCompleted(job.Id, result));
    }

    private void StartAsynchronously(ExecutorProtocol.AsynchronousJob job)
    {
        var replyTo = Sender;
        Task<object?> running;
        try
        {
            running = job.Start(_stopping);
        }
        catch (Exception error)
        {
            running = Task.FromException<object?>(error);
        }

        Context.BecomeStacked(message => Busy(message, job, replyTo));
        running.PipeTo(Self, success: result => new ExecutorProtocol.JobCompleted(job.Id, result),
            failure: error => new ExecutorProtocol.JobFailed(job.Id, error is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : error));
    }

    private void Busy(object message, ExecutorProtocol.Job job, IActorRef replyTo)
    {
        switch (message)
        {
            case ExecutorProtocol.JobCompleted completed when completed.Id == job.Id:
                Done(job, replyTo, completed);
                break;
            case ExecutorProtocol.JobFailed failed when failed.Id == job.Id:
                Done(job, replyTo, failed);
                if (IsFatalToWorker(failed.Error)) throw new WorkerCrashedException(job.Id, failed.Error);
                break;
            case ExecutorProtocol.ReportFinished:
                ReportFinished();
                break;
            default:
                Stash.Stash();
                break;
        }
    }

    private void Done(ExecutorProtocol.Job job, IActorRef replyTo, object outcome)
    {
        Finish(replyTo, outcome);
        Context.UnbecomeStacked();
        Stash.UnstashAll();
    }

    /// <summary>
    /// Counts a job this worker did not run. A done future (cancelled, failed) gets <see cref="ExecutorProtocol.JobSkipped"/>;
    /// a running one was taken over by another worker, whose reply is the only one it may get.
    /// </summary>
    private void PassBy(ExecutorProtocol.Job job) =>
        Finish(job.Future.IsDone ? Sender : null, new ExecutorProtocol.JobSkipped(job.Id));

    /// <summary>
    /// Replies the job's outcome (unless <paramref name="replyTo"/> is null) and counts the job as finished. The first job counted since the last report queues a
    /// <see cref="ExecutorProtocol.ReportFinished"/> behind the jobs already in the mailbox: the report goes out when
    /// they are through, at the latest, and covers every one of them that finished by then.
    /// </summary>
    private void Finish(IActorRef? replyTo, object outcome)
    {
        replyTo?.Tell(outcome);
        if (_finishedUnreported++ == 0) Self.Tell(ExecutorProtocol.ReportFinished.Instance);
    }

    private void ReportFinished()
    {
        if (_finishedUnreported == 0) return;
        _coordinator.Tell(new ExecutorProtocol.JobsFinished(_finishedUnreported));
        _finishedUnreported = 0;
    }

    /// <summary>Raised by a worker after a job left it unfit to run more (see <see cref="IsFatalToWorker"/>).</summary>
    private sealed class WorkerCrashedException(long jobId, Exception error)
        : Exception($"Job {jobId} left its worker unfit to run more jobs; the worker is replaced.", error);
}
