using System.Runtime.CompilerServices;
using Actors.Internal;
using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// Python's <c>concurrent.futures.ThreadPoolExecutor</c> on actors: a coordinator actor in front of a router pool of
/// worker actors. <c>Submit</c> sends the job to the coordinator and returns an <see cref="ActorFuture{T}"/> at once; the
/// worker that runs the job completes the future with its reply.
/// </summary>
/// <remarks>
/// <para>The workers run on a dispatcher of their own with one thread per worker, so jobs may block (the tutorial
/// sleeps in every job) without starving the actor system's default dispatcher or any coordinator on it.</para>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>A job's exception is stored in its future, as in Python; an exception that leaves a worker unfit
/// (<see cref="OutOfMemoryException"/>, <see cref="InsufficientExecutionStackException"/>,
/// <see cref="ThreadInterruptedException"/>) also makes the supervisor replace that worker, which runs the initializer
/// again. Jobs queued behind it are kept.</item>
/// <item>Asynchronous jobs (<see cref="Submit{T}(Func{CancellationToken, Task{T}})"/>) occupy their worker until they
/// complete, and their token is cancelled by <see cref="ShutdownAsync"/> with <c>cancelFutures</c> (Python cannot
/// interrupt a running job).</item>
/// <item>The one work queue is the coordinator's: it hands a job (a small batch under load) only to an idle worker, and a
/// worker that runs dry takes over the jobs another worker was handed but has not started, so no job waits while a
/// worker is idle, as with Python's shared queue. Jobs start in the order submitted, strictly so with one worker.</item>
/// <item>A broken pool is learnt by a facade from the first of its futures that fails with
/// <see cref="BrokenExecutorException"/> (or from <see cref="GetStateAsync"/>); from then on <c>Submit</c> throws it.
/// Python's <c>submit</c> knows at once; here a submit that reaches the coordinator first fails through its future.</item>
/// <item>If the coordinator actor is stopped (rather than shut down), a job that never reaches a worker fails its future
/// with <see cref="ObjectDisposedException"/> instead of leaving it pending; Python has no such case.</item>
/// </list>
/// </remarks>
public sealed class ActorExecutor : IAsyncDisposable, IFutureOwner
{
    private readonly IActorRefProvider? _replyProvider;
    private BrokenExecutorException? _broken;
    private long _nextJobId;
    private int _shutDown;
    private readonly bool _endsWithActorSystem;

    /// <param name="coordinator">The executor's coordinator.</param>
    /// <param name="maxWorkers">Its worker count.</param>
    /// <param name="endsWithActorSystem">True for a facade that a container hands out and disposes (Akka.Hosting's
    /// <c>AddActorPrimitive</c>): the executor's life is the actor system's, so disposing the facade after the system
    /// terminated is a no-op rather than an <see cref="ObjectDisposedException"/>.</param>
    internal ActorExecutor(IActorRef coordinator, int maxWorkers, bool endsWithActorSystem = false)
    {
        Coordinator = coordinator;
        MaxWorkers = maxWorkers;
        _endsWithActorSystem = endsWithActorSystem;
        _replyProvider = ReplyTarget.ProviderFor(coordinator);
    }

    /// <summary>The coordinator actor that owns the executor's state.</summary>
    public IActorRef Coordinator { get; }

    /// <summary>The number of workers (Python's <c>_max_workers</c>).</summary>
    public int MaxWorkers { get; }

    /// <summary>Creates an executor: its dispatcher, its coordinator and its pool of workers.</summary>
    /// <param name="system">The actor system to run in.</param>
    /// <param name="options">Worker count, routing, initializer, name; all optional.</param>
    /// <exception cref="ArgumentOutOfRangeException">The worker count is below one.</exception>
    public static ActorExecutor Create(ActorSystem system, ExecutorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new ExecutorOptions();
        var props = CoordinatorProps(system, options);
        var coordinator = options.Name is null ? system.ActorOf(props) : system.ActorOf(props, options.Name);
        return new ActorExecutor(coordinator, options.ResolvedMaxWorkers);
    }

    /// <summary>
    /// A facade over an executor coordinator that already runs, for example one registered with Akka.Hosting
    /// (<see cref="Hosting.ActorPrimitivesHostingExtensions.WithActorExecutor{TKey}"/>).
    /// </summary>
    /// <remarks>A facade created this way learns of a shutdown made through another facade from the coordinator, so a
    /// submit after it fails through its future rather than throwing at once.</remarks>
    public static async Task<ActorExecutor> AttachAsync(IActorRef coordinator)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var state = await AskStateAsync(coordinator).ConfigureAwait(false);
        return new ActorExecutor(coordinator, state.MaxWorkers);
    }

    /// <summary>The props of an executor coordinator, for registering it yourself; see <see cref="Create"/>.</summary>
    internal static Props CoordinatorProps(ActorSystem system, ExecutorOptions options)
    {
        var workers = options.ResolvedMaxWorkers;
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1, nameof(options.MaxWorkers));
        var dispatcherId = WorkerDispatcherConfigurator.Register(system);
        return Props.Create(() => new ExecutorCoordinator(workers, options.Initializer, dispatcherId));
    }

    /// <summary>Runs a (possibly blocking) function on a worker. Python: <c>submit(fn)</c>.</summary>
    /// <exception cref="BrokenExecutorException">The pool is broken (an initializer failed) and this facade knows it:
    /// one of its futures failed for that reason, or <see cref="GetStateAsync"/> said so.</exception>
    /// <exception cref="InvalidOperationException">This executor was shut down.</exception>
    public ActorFuture<T> Submit<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var future = NewFuture<T>();
        Send(new ExecutorProtocol.FunctionJob<T>(NextJobId(), future, function));
        return future;
    }

    /// <summary>Runs an asynchronous function on a worker, which stays busy until its task completes.</summary>
    /// <exception cref="BrokenExecutorException">The pool is broken (an initializer failed) and this facade knows it:
    /// one of its futures failed for that reason, or <see cref="GetStateAsync"/> said so.</exception>
    /// <exception cref="InvalidOperationException">This executor was shut down.</exception>
    public ActorFuture<T> Submit<T>(Func<Task<T>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Submit<T>(_ => function());
    }

    /// <summary>
    /// Runs an asynchronous function on a worker; its token is cancelled when the executor is shut down with
    /// <c>cancelFutures</c> or stopped.
    /// </summary>
    /// <exception cref="BrokenExecutorException">The pool is broken (an initializer failed) and this facade knows it:
    /// one of its futures failed for that reason, or <see cref="GetStateAsync"/> said so.</exception>
    /// <exception cref="InvalidOperationException">This executor was shut down.</exception>
    public ActorFuture<T> Submit<T>(Func<CancellationToken, Task<T>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var future = NewFuture<T>();
        Send(new ExecutorProtocol.AsynchronousJob(NextJobId(), future, async token => await function(token).ConfigureAwait(false)));
        return future;
    }

    /// <summary>Runs a (possibly blocking) action on a worker; the future's result is null (Python's <c>None</c>).</summary>
    /// <exception cref="BrokenExecutorException">The pool is broken (an initializer failed) and this facade knows it:
    /// one of its futures failed for that reason, or <see cref="GetStateAsync"/> said so.</exception>
    /// <exception cref="InvalidOperationException">This executor was shut down.</exception>
    public ActorFuture<object?> Submit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Submit(() =>
        {
            action();
            return (object?)null;
        });
    }

    /// <summary>
    /// Submits <paramref name="function"/> for every item at once and yields the results in the items' order, whatever
    /// order the jobs finish in. Python: <c>map(fn, *iterables, timeout, chunksize)</c>.
    /// </summary>
    /// <param name="function">The function to apply.</param>
    /// <param name="items">The inputs.</param>
    /// <param name="timeout">Counted from this call; when it passes, the unfinished jobs are cancelled and the iteration
    /// throws <see cref="TimeoutException"/>. Null for no limit.</param>
    /// <param name="chunkSize">How many items one job processes (Python ignores it for threads; here it batches).</param>
    /// <returns>The results; a job's exception is thrown when the iteration reaches its position.</returns>
    public IAsyncEnumerable<TResult> Map<TSource, TResult>(Func<TSource, TResult> function, IEnumerable<TSource> items,
        TimeSpan? timeout = null, int chunkSize = 1)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var deadline = MonotonicClock.DeadlineAfter(Timeouts.ForRequest(timeout ?? Timeout.InfiniteTimeSpan));
        var jobs = items.Chunk(chunkSize).Select(chunk => Submit(() => Array.ConvertAll(chunk, item => function(item)))).ToList();
        return InOrder(jobs, deadline);
    }

    /// <summary>
    /// Stops accepting jobs. Python: <c>shutdown(wait, cancel_futures)</c>.
    /// </summary>
    /// <param name="wait">Complete only when every accepted job has finished.</param>
    /// <param name="cancelFutures">Cancel the jobs that have not started (and signal running asynchronous jobs' tokens).</param>
    /// <exception cref="ObjectDisposedException">The coordinator is stopped (its actor system terminated, say).</exception>
    public async Task ShutdownAsync(bool wait = true, bool cancelFutures = false)
    {
        Interlocked.Exchange(ref _shutDown, 1);
        var reply = await CoordinatorClient.AskAsync(Coordinator, new ExecutorProtocol.Shutdown(wait, cancelFutures),
            wait ? Timeout.InfiniteTimeSpan : CoordinatorClient.ImmediateReplyBackstop).ConfigureAwait(false);
        CoordinatorClient.Expect<ExecutorProtocol.ShutdownCompleted>(reply);
    }

    /// <summary>The worker count, jobs in flight, and whether the executor is shut down or broken.</summary>
    /// <exception cref="ObjectDisposedException">The coordinator is stopped (its actor system terminated, say).</exception>
    public async Task<ExecutorState> GetStateAsync()
    {
        var state = await AskStateAsync(Coordinator).ConfigureAwait(false);
        if (state.IsBroken) Interlocked.CompareExchange(ref _broken, new BrokenExecutorException(), null);
        return state;
    }

    /// <summary>Asks <paramref name="coordinator"/> for its state through the facades' shared request path.</summary>
    private static async Task<ExecutorState> AskStateAsync(IActorRef coordinator) =>
        CoordinatorClient.Expect<ExecutorState>(await CoordinatorClient.AskAsync(coordinator, ExecutorProtocol.GetState.Instance).ConfigureAwait(false));

    /// <summary>Shuts down and waits for every accepted job (Python's <c>with ThreadPoolExecutor() as e:</c>).</summary>
    /// <remarks>A facade injected by Akka.Hosting is disposed by the container after the actor system terminated, which
    /// stopped the executor already; that disposal does nothing.</remarks>
    /// <exception cref="ObjectDisposedException">The coordinator is stopped (its actor system terminated, say), and
    /// the facade was not injected by Akka.Hosting.</exception>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ShutdownAsync(wait: true).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (_endsWithActorSystem)
        {
        }
    }

    /// <summary>The future of a job about to be submitted.</summary>
    /// <exception cref="BrokenExecutorException">The pool is known to be broken.</exception>
    /// <exception cref="InvalidOperationException">This executor was shut down.</exception>
    private ActorFuture<T> NewFuture<T>()
    {
        if (Volatile.Read(ref _broken) is { } broken) throw new BrokenExecutorException(broken.Message, broken.InnerException ?? broken);
        if (Volatile.Read(ref _shutDown) != 0) throw new InvalidOperationException("Cannot submit a job after the executor was shut down.");
        return new ActorFuture<T>(this);
    }

    /// <summary>Logs a done-callback's exception through the coordinator, as Python's executor logs it.</summary>
    void IFutureOwner.CallbackFailed(ActorFuture future, Exception error) =>
        Coordinator.Tell(new ExecutorProtocol.CallbackFailed(future, error));

    /// <summary>From now on <c>Submit</c> throws <paramref name="error"/>'s kind at once, as Python's <c>submit</c> raises <c>BrokenThreadPool</c>.</summary>
    void IFutureOwner.PoolBroke(BrokenExecutorException error) => Interlocked.CompareExchange(ref _broken, error, null);

    private long NextJobId() => Interlocked.Increment(ref _nextJobId);

    /// <summary>Sends the job to the coordinator; the worker's reply completes its future.</summary>
    private void Send(ExecutorProtocol.Job job)
    {
        if (_replyProvider is { } provider) Coordinator.Tell(job, new FutureReplyTarget(provider, job.Future));
        else _ = CompleteFromReplyAsync(job.Future, Coordinator.Ask<object>(job, Timeout.InfiniteTimeSpan));
    }

    /// <summary>The fallback for a coordinator that is not local: the reply to an <c>Ask</c> completes the future.</summary>
    private static async Task CompleteFromReplyAsync(ActorFuture future, Task<object> reply)
    {
        try
        {
            ExecutorProtocol.Complete(future, await reply.ConfigureAwait(false));
        }
        catch (Exception error)
        {
            future.TrySetException(error);
        }
    }

    private static async IAsyncEnumerable<TResult> InOrder<TResult>(List<ActorFuture<TResult[]>> jobs, long deadline,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var job in jobs)
            {
                TimeSpan? remaining = deadline == MonotonicClock.Never ? null : MonotonicClock.Until(deadline);
                foreach (var result in await job.ResultAsync(remaining, cancellationToken).ConfigureAwait(false)) yield return result;
            }
        }
        finally
        {
            foreach (var job in jobs) job.Cancel();
        }
    }
}
