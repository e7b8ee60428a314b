using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;
using Akka.Event;

namespace Actors.Threads;

/// <summary>
/// The threads of one actor system, as Python's <c>threading</c> module knows those of one interpreter:
/// <see cref="ActiveCountAsync"/>, <see cref="EnumerateAsync"/>, <see cref="CurrentThread"/>, <see cref="MainThread"/>, the
/// <see cref="ExceptHook"/>, and the interpreter's wait for non-daemon threads at exit, <see cref="WaitForNonDaemonThreadsAsync(CancellationToken)"/>. An actor system extension: <c>ThreadRegistry.Get(system)</c>, or the extension methods
/// of <see cref="ActorThreading"/>. Its state lives in one registry actor, <see cref="Coordinator"/>.
/// </summary>
/// <remarks>
/// <para>Shutdown follows Python's interpreter exit. When the system shuts down through
/// <see cref="CoordinatedShutdown"/> (which <see cref="ActorSystem.Terminate"/> runs too, by default):</para>
/// <list type="number">
/// <item>in the phase <c>before-service-unbind</c>, a task waits until no non-daemon thread is alive, for at most nine
/// tenths of that phase's timeout (<c>akka.coordinated-shutdown.phases.before-service-unbind.timeout</c>, default
/// <c>default-phase-timeout</c>, 5 s), and logs a warning naming the threads still alive if they outlast it;</item>
/// <item>in the phase <c>before-actor-system-terminate</c>, every daemon thread still alive is abandoned: nobody waits
/// for it, the token its body received is cancelled, and a daemon timer that has not fired never fires;</item>
/// <item>when the system terminates, every thread still alive (a non-daemon thread that outlasted the wait included)
/// has its token cancelled.</item>
/// </list>
/// <para>Python waits for non-daemon threads without limit and kills daemon threads; an actor system's shutdown is bounded
/// by its phases' timeouts, and .NET cannot kill a thread, so a blocking body that ignores its token keeps running (on a
/// background thread, which does not keep the process alive) until it returns.</para>
/// </remarks>
public sealed class ThreadRegistry : IExtension
{
    private readonly ILoggingAdapter _log;
    private Action<ThreadExceptHookArgs> _exceptHook;
    private long _lastDefaultName;

    internal ThreadRegistry(ExtendedActorSystem system)
    {
        System = system;
        _log = Logging.GetLogger(system, typeof(ActorThread));
        _exceptHook = DefaultExceptHook;
        SchedulerWarmUp.Ensure(system);
        var mainThread = ActorThread.CreateMainThread(this);
        MainThread = mainThread;
        Coordinator = system.SystemActorOf(CoordinatorActor.PropsFor(() => new ThreadRegistryCoordinator(mainThread)), "actor-threads");
        ThreadShutdown.Register(system, Coordinator, _log);
    }

    /// <summary>The registry of <paramref name="system"/>, created on first use.</summary>
    public static ThreadRegistry Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ThreadRegistryProvider.Instance.Apply(system);
    }

    /// <summary>The actor system whose threads this registry knows.</summary>
    public ActorSystem System { get; }

    /// <summary>The registry actor (see <see cref="ThreadRegistryProtocol"/>).</summary>
    public IActorRef Coordinator { get; }

    /// <summary>
    /// The thread that stands for the main program (Python's <c>main_thread()</c>): named <c>MainThread</c>, not a
    /// daemon, alive until the actor system terminates. It cannot be started or joined.
    /// </summary>
    public ActorThread MainThread { get; }

    /// <summary>
    /// Python's <c>current_thread()</c>: the thread whose body is running the caller (see <see cref="ActorThread.Current"/>)
    /// if it belongs to this actor system, otherwise <see cref="MainThread"/>.
    /// </summary>
    /// <remarks>
    /// Python answers a dummy thread object for threads it did not start; here all code outside the bodies of this
    /// system's threads (actors included) is the main program.
    /// </remarks>
    public ActorThread CurrentThread => ActorThread.Current is { } current && ReferenceEquals(current.Registry, this) ? current : MainThread;

    /// <summary>
    /// Called with every exception that escapes a thread's body, on that thread, before the thread ends (Python's
    /// <c>threading.excepthook</c>). Default: <see cref="DefaultExceptHook"/>. An exception thrown by the hook is logged.
    /// </summary>
    /// <remarks>
    /// Python's hook is global to the interpreter; here it is global to the actor system, so that several systems in one
    /// process (tests, several nodes) do not override each other's hook.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Action<ThreadExceptHookArgs> ExceptHook
    {
        get => Volatile.Read(ref _exceptHook);
        set => Volatile.Write(ref _exceptHook, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// The default <see cref="ExceptHook"/> (Python's <c>threading.__excepthook__</c>): logs the exception as an error
    /// through the actor system's logging and publishes <paramref name="args"/> on its event stream, where actors and
    /// tests can subscribe to <see cref="ThreadExceptHookArgs"/>.
    /// </summary>
    public void DefaultExceptHook(ThreadExceptHookArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _log.Error(args.Exception, "Exception in thread {0}", args.Thread.Name);
        System.EventStream.Publish(args);
    }

    /// <summary>
    /// Python's <c>active_count()</c>: the main thread plus every thread started and not finished. A thread counts from
    /// the moment its <see cref="ActorThread.Start"/> returns, and no longer once a join of it has returned true.
    /// </summary>
    /// <remarks>Asynchronous, unlike Python's: the count is the registry actor's answer.</remarks>
    public async Task<int> ActiveCountAsync()
    {
        return (await CoordinatorClient.RequestAsync(Coordinator, new ThreadRegistryProtocol.GetActiveCount(RequestIds.Next())).ConfigureAwait(false)).Count;
    }

    /// <summary>
    /// Python's <c>enumerate()</c>: the main thread first, then every thread started and not finished, in the order they
    /// were started.
    /// </summary>
    public async Task<IReadOnlyList<ActorThread>> EnumerateAsync()
    {
        return (await CoordinatorClient.RequestAsync(Coordinator, new ThreadRegistryProtocol.Enumerate(RequestIds.Next())).ConfigureAwait(false)).Threads;
    }

    /// <summary>
    /// Waits until no non-daemon thread is alive: what Python's interpreter does at exit before its <c>atexit</c>
    /// handlers run, and what this registry's coordinated-shutdown task does. Returns at once if none is alive.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <remarks>Python has no public function for this; its tutorials poll <c>active_count()</c> instead.</remarks>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public async Task WaitForNonDaemonThreadsAsync(CancellationToken cancellationToken = default) =>
        await WaitForNonDaemonThreadsCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits until no non-daemon thread is alive, or <paramref name="timeout"/> passes.</summary>
    /// <param name="timeout">Zero to look without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True if no non-daemon thread is alive; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public async Task<bool> WaitForNonDaemonThreadsAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await WaitForNonDaemonThreadsCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The next default name, <c>Thread-N</c>, counted per actor system as Python counts per interpreter.</summary>
    internal string NextDefaultName() => $"Thread-{Interlocked.Increment(ref _lastDefaultName)}";

    /// <summary>
    /// Creates a started thread's coordinator, registers the thread (before anything its body does can reach the
    /// registry) and tells the coordinator to launch the body.
    /// </summary>
    internal IActorRef Launch(ActorThread thread, Props props, long ident, bool daemon)
    {
        var coordinator = ((ExtendedActorSystem)System).SystemActorOf(props, $"thread-{ident}");
        Coordinator.Tell(new ThreadRegistryProtocol.Register(thread, ident, coordinator, daemon), ActorRefs.NoSender);
        coordinator.Tell(ThreadProtocol.Launch.Instance, ActorRefs.NoSender);
        return coordinator;
    }

    private Task<ThreadRegistryProtocol.NonDaemonThreadsEnded?> WaitForNonDaemonThreadsCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        return CoordinatorClient.WaitForGrantAsync<ThreadRegistryProtocol.IWaitForNonDaemonThreadsReply, ThreadRegistryProtocol.NonDaemonThreadsEnded>(
            Coordinator, new ThreadRegistryProtocol.WaitForNonDaemonThreads(RequestIds.Next(), ActorRefs.Nobody, timeout), giveBack: null,
            cancellationToken);
    }

    /// <summary>Hands an exception that escaped <paramref name="thread"/>'s body to the hook; never throws.</summary>
    internal void ReportException(ActorThread thread, Exception error)
    {
        try
        {
            ExceptHook(new ThreadExceptHookArgs(error, thread));
        }
        catch (Exception hookError)
        {
            _log.Error(hookError, "The thread except hook failed on the exception of thread {0}: {1}", thread.Name, error);
        }
    }
}
