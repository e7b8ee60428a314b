using Actors.Coordination;
using Actors.Internal;
using Akka.Actor;

namespace Actors.Threads;

// Over 300 lines on purpose: Python's Thread is one public type with four documented constructor shapes and its
// differences from Python. Its state lives in ThreadCoordinator, its ends in ThreadLifetime, joins in ThreadJoin,
// shutdown in ThreadShutdown.

/// <summary>
/// Python's <c>threading.Thread</c> on actors: a body that runs concurrently with its starter, backed by a coordinator
/// actor that owns its state (started, running, finished) and answers joins. Create one from a delegate
/// (<c>target</c> and <c>args</c>) or derive from it and override <see cref="Run"/> or <see cref="RunAsync"/>.
/// </summary>
/// <example>
/// <code>
/// var t1 = new ActorThread(system, (args, ct) =&gt; Console.WriteLine($"task {args[0]}"), args: ["t1"]);
/// t1.Start();
/// await t1.JoinAsync();
/// </code>
/// </example>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>Each body starts on a dedicated thread (<see cref="TaskCreationOptions.LongRunning"/>), so a blocking body
/// (<c>Thread.Sleep</c>, Python's <c>time.sleep</c>) never holds an actor dispatcher. An async body gives that thread up
/// at its first real <c>await</c> and goes on on the thread pool. The dedicated thread is a background thread.</item>
/// <item>The body receives a <see cref="CancellationToken"/>, cancelled when the thread is abandoned: a daemon thread at
/// coordinated shutdown, any unfinished thread when its actor system terminates. Python kills daemon threads at exit;
/// .NET cannot stop a thread from outside, so a body stops only if it watches its token (for instance by sleeping with
/// <c>cancellationToken.WaitHandle.WaitOne(delay)</c>); a blocking body that does not keeps running until it returns.
/// A body that ends by throwing <see cref="OperationCanceledException"/> after its token was cancelled ends quietly, as
/// Python's <c>SystemExit</c> does.</item>
/// <item>Joins are asynchronous and cancellable. <see cref="JoinAsync(TimeSpan, CancellationToken)"/> returns whether the
/// thread finished, where Python's <c>join(timeout)</c> returns <c>None</c> and leaves the caller to ask
/// <c>is_alive()</c>; returning the outcome is the .NET convention (<c>Thread.Join(TimeSpan)</c>).</item>
/// <item>An exception that escapes the body goes to <see cref="ThreadRegistry.ExceptHook"/> of the thread's actor system
/// (Python's <c>threading.excepthook</c>; the default logs it and publishes it on the event stream). The thread then
/// ends and its joins return; nothing else is affected.</item>
/// <item><see cref="Name"/> is fixed at construction. Default names are <c>Thread-N</c>, counted per actor system;
/// Python 3.10+ appends the target's name, which a .NET lambda does not have.</item>
/// <item><see cref="Ident"/> is a number unique in the process, never reused, where Python's is the OS thread's id.</item>
/// <item>The thread's state lives in its coordinator; <see cref="IsAlive"/> reads what the coordinator published last,
/// so it turns false when the coordinator has seen the body end, as Python's does once the thread is fully stopped.</item>
/// </list>
/// </remarks>
public class ActorThread
{
    private const int StartedFlag = 1;
    private const int DaemonFlag = 2;
    private static readonly AsyncLocal<ActorThread?> CurrentThread = new();
    private static long _lastIdent;

    private readonly Action<object?[], CancellationToken>? _syncTarget;
    private readonly Func<object?[], CancellationToken, Task>? _asyncTarget;
    private readonly object?[] _args;
    private readonly ThreadLifetime _lifetime = new();
    private readonly bool _isMain;
    private int _state;
    private long _ident;
    private IActorRef? _coordinator;

    /// <summary>A thread that runs <paramref name="target"/> with <paramref name="args"/>. Python: <c>Thread(target=..., args=..., name=..., daemon=...)</c>.</summary>
    /// <param name="system">The actor system whose registry knows the thread and whose shutdown waits for it.</param>
    /// <param name="target">The body: a synchronous delegate, which may block.</param>
    /// <param name="args">The arguments passed to <paramref name="target"/>; empty if null.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="Current"/> (false outside any thread), as in Python.</param>
    public ActorThread(ActorSystem system, Action<object?[], CancellationToken> target, object?[]? args = null, string? name = null,
        bool? daemon = null)
        : this(system, name, daemon)
    {
        _syncTarget = target ?? throw new ArgumentNullException(nameof(target));
        _args = args ?? [];
    }

    /// <summary>A thread that runs the asynchronous <paramref name="target"/> with <paramref name="args"/>.</summary>
    /// <param name="system">The actor system whose registry knows the thread and whose shutdown waits for it.</param>
    /// <param name="target">The body: an asynchronous delegate; the thread ends when its task completes.</param>
    /// <param name="args">The arguments passed to <paramref name="target"/>; empty if null.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="Current"/> (false outside any thread).</param>
    public ActorThread(ActorSystem system, Func<object?[], CancellationToken, Task> target, object?[]? args = null, string? name = null,
        bool? daemon = null)
        : this(system, name, daemon)
    {
        _asyncTarget = target ?? throw new ArgumentNullException(nameof(target));
        _args = args ?? [];
    }

    /// <summary>A thread that runs <paramref name="target"/>, which takes no arguments.</summary>
    /// <param name="system">The actor system whose registry knows the thread and whose shutdown waits for it.</param>
    /// <param name="target">The body: a synchronous delegate, which may block.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="Current"/> (false outside any thread).</param>
    public ActorThread(ActorSystem system, Action<CancellationToken> target, string? name = null, bool? daemon = null)
        : this(system, name, daemon)
    {
        ArgumentNullException.ThrowIfNull(target);
        _syncTarget = (_, cancellationToken) => target(cancellationToken);
        _args = [];
    }

    /// <summary>A thread that runs the asynchronous <paramref name="target"/>, which takes no arguments.</summary>
    /// <param name="system">The actor system whose registry knows the thread and whose shutdown waits for it.</param>
    /// <param name="target">The body: an asynchronous delegate; the thread ends when its task completes.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="Current"/> (false outside any thread).</param>
    public ActorThread(ActorSystem system, Func<CancellationToken, Task> target, string? name = null, bool? daemon = null)
        : this(system, name, daemon)
    {
        ArgumentNullException.ThrowIfNull(target);
        _asyncTarget = (_, cancellationToken) => target(cancellationToken);
        _args = [];
    }

    /// <summary>A thread whose body is the subclass's override of <see cref="Run"/> or <see cref="RunAsync"/>.</summary>
    /// <param name="system">The actor system whose registry knows the thread and whose shutdown waits for it.</param>
    /// <param name="name">The thread's name; <c>Thread-N</c> if null.</param>
    /// <param name="daemon">Whether it is a daemon thread; if null, inherited from <see cref="Current"/> (false outside any thread).</param>
    protected ActorThread(ActorSystem system, string? name = null, bool? daemon = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Registry = ThreadRegistry.Get(system);
        Name = name ?? Registry.NextDefaultName();
        if (daemon ?? Current?.Daemon ?? false) _state = DaemonFlag;
        _args = [];
    }

    /// <summary>The main thread of <paramref name="registry"/>'s actor system: alive and started from the outset, never joined.</summary>
    private ActorThread(ThreadRegistry registry)
    {
        Registry = registry;
        Name = "MainThread";
        _isMain = true;
        _state = StartedFlag;
        _ident = Interlocked.Increment(ref _lastIdent);
        _args = [];
    }

    /// <summary>
    /// The thread whose body is running the caller, even after <c>await</c>s (it flows with the
    /// <see cref="ExecutionContext"/>); null outside every thread's body. Python: <c>current_thread()</c>, which
    /// <see cref="ThreadRegistry.CurrentThread"/> mirrors exactly by answering the main thread there.
    /// </summary>
    public static ActorThread? Current => CurrentThread.Value;

    /// <summary>The actor system the thread belongs to.</summary>
    public ActorSystem System => Registry.System;

    /// <summary>The thread's name (Python's <c>name</c>); not necessarily unique.</summary>
    public string Name { get; }

    /// <summary>The thread's identifier (Python's <c>ident</c>): null until <see cref="Start"/>, then unique in the process.</summary>
    public long? Ident => Volatile.Read(ref _ident) is var ident and not 0 ? ident : null;

    /// <summary>Whether this is a daemon thread (Python's <c>daemon</c>): coordinated shutdown does not wait for it.</summary>
    /// <exception cref="InvalidOperationException">Set after <see cref="Start"/> (Python's <c>RuntimeError</c>).</exception>
    public bool Daemon
    {
        get => (Volatile.Read(ref _state) & DaemonFlag) != 0;
        set
        {
            int state;
            do
            {
                state = Volatile.Read(ref _state);
                if ((state & StartedFlag) != 0) throw new InvalidOperationException("cannot set daemon status of active thread");
            } while (Interlocked.CompareExchange(ref _state, value ? state | DaemonFlag : state & ~DaemonFlag, state) != state);
        }
    }

    /// <summary>
    /// Whether the thread has been started and has not finished (Python's <c>is_alive()</c>). The main thread is alive
    /// until its actor system terminates.
    /// </summary>
    /// <remarks>
    /// A thread whose actor system terminated while its body was still running stays alive here: nobody is left to
    /// see the body end.
    /// </remarks>
    public bool IsAlive => _isMain
        ? !System.WhenTerminated.IsCompleted
        : (Volatile.Read(ref _state) & StartedFlag) != 0 && !_lifetime.HasEnded;

    /// <summary>
    /// The coordinator actor that owns the started thread's state (see <see cref="ThreadProtocol"/>); null before
    /// <see cref="Start"/> and for the main thread. It stops once the thread has finished.
    /// </summary>
    public IActorRef? Coordinator => Volatile.Read(ref _coordinator);

    /// <summary>The registry of the thread's actor system.</summary>
    internal ThreadRegistry Registry { get; }

    /// <summary>Whether <see cref="Start"/> has begun (its coordinator may not be published yet) and did not fail.</summary>
    internal bool IsStartedOrStarting => (Volatile.Read(ref _state) & StartedFlag) != 0;

    /// <summary>Whether the coordinator has published the end of the thread's body (see <see cref="ThreadLifetime"/>).</summary>
    internal bool HasEnded => _lifetime.HasEnded;

    /// <summary>
    /// Starts the thread (Python's <c>start()</c>): registers it, so that <c>active_count()</c> counts it from now on, and
    /// launches its body on a dedicated thread. Returns at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The thread was already started (Python's <c>RuntimeError</c>), it is the main thread, or its actor system is shutting down
    /// (the thread then stays unstarted).
    /// </exception>
    public void Start()
    {
        if (_isMain) throw new InvalidOperationException("threads can only be started once");
        int state;
        do
        {
            state = Volatile.Read(ref _state);
            if ((state & StartedFlag) != 0) throw new InvalidOperationException("threads can only be started once");
        } while (Interlocked.CompareExchange(ref _state, state | StartedFlag, state) != state);

        var ident = Interlocked.Increment(ref _lastIdent);
        Volatile.Write(ref _ident, ident);
        var daemon = (state & DaemonFlag) != 0;
        IActorRef coordinator;
        try
        {
            coordinator = Registry.Launch(this, CreateCoordinatorProps(ident, daemon, Registry.Coordinator, _lifetime), ident, daemon);
        }
        catch
        {
            // Nothing was launched (the actor system is shutting down): the thread stays unstarted, as in Python.
            Volatile.Write(ref _ident, 0);
            Interlocked.And(ref _state, ~StartedFlag);
            OnStartFailed();
            throw;
        }

        Volatile.Write(ref _coordinator, coordinator);
        OnStarted(coordinator);
    }

    /// <summary>Waits until the thread finishes (Python's <c>join()</c>). Returns at once if it has finished already.</summary>
    /// <param name="cancellationToken">Cancels the wait (not the thread).</param>
    /// <exception cref="InvalidOperationException">
    /// The thread was not started, it is the calling thread, or it is the main thread (Python's <c>RuntimeError</c>; the main
    /// thread ends only when its actor system terminates: await <see cref="ActorSystem.WhenTerminated"/> instead).
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    /// <exception cref="ObjectDisposedException">The actor system terminated while the thread was still running.</exception>
    public async Task JoinAsync(CancellationToken cancellationToken = default) =>
        await JoinCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits until the thread finishes or <paramref name="timeout"/> passes (Python's <c>join(timeout)</c>).</summary>
    /// <param name="timeout">Zero to look without waiting, <see cref="Timeout.InfiniteTimeSpan"/> to wait for ever.</param>
    /// <param name="cancellationToken">Cancels the wait (not the thread).</param>
    /// <returns>True if the thread has finished; false if the timeout passed first (Python returns <c>None</c>; see the class remarks).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="InvalidOperationException">The thread was not started, it is the calling thread, or it is the main thread.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    /// <exception cref="ObjectDisposedException">The actor system terminated while the thread was still running.</exception>
    public async Task<bool> JoinAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await JoinCoreAsync(Timeouts.ForRequest(timeout), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The synchronous body (Python's <c>run()</c>): by default, calls the synchronous target with its arguments.
    /// Override it in a subclass; it runs on the thread's dedicated thread and may block.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the thread is abandoned (see the class remarks).</param>
    protected virtual void Run(CancellationToken cancellationToken) => _syncTarget?.Invoke(_args, cancellationToken);

    /// <summary>
    /// The body as the thread runs it: by default, the asynchronous target if there is one, otherwise <see cref="Run"/>.
    /// Override it in a subclass for an asynchronous body; the thread ends when its task completes.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the thread is abandoned (see the class remarks).</param>
    protected virtual Task RunAsync(CancellationToken cancellationToken)
    {
        if (_asyncTarget is not null) return _asyncTarget(_args, cancellationToken);
        Run(cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Python's <c>repr</c>: the name, <c>initial</c> / <c>started</c> / <c>stopped</c>, <c>daemon</c>, and the ident.</summary>
    public override string ToString()
    {
        var status = IsAlive ? "started" : (Volatile.Read(ref _state) & StartedFlag) != 0 ? "stopped" : "initial";
        var daemon = Daemon ? " daemon" : "";
        var ident = Ident is { } id ? $" {id}" : "";
        return $"{(_isMain ? "MainThread" : GetType().Name)}({Name}, {status}{daemon}{ident})";
    }

    /// <summary>Creates the main thread of a registry's actor system.</summary>
    internal static ActorThread CreateMainThread(ThreadRegistry registry) => new(registry);

    /// <summary>The props of the coordinator that <see cref="Start"/> creates; a timer adds its delay.</summary>
    internal virtual Props CreateCoordinatorProps(long ident, bool daemon, IActorRef registry, ThreadLifetime lifetime) =>
        CoordinatorActor.PropsFor(() => new ThreadCoordinator(this, ident, daemon, registry, lifetime));

    /// <summary>Called at the end of <see cref="Start"/>, once <see cref="Coordinator"/> is set.</summary>
    internal virtual void OnStarted(IActorRef coordinator)
    {
    }

    /// <summary>Called when <see cref="Start"/> launched nothing (the actor system is shutting down) and the thread stays unstarted.</summary>
    internal virtual void OnStartFailed()
    {
    }

    /// <summary>
    /// The body as the coordinator launches it: makes this thread <see cref="Current"/>, reports that it began, runs it,
    /// and hands an exception that escapes it to the except hook. Never throws.
    /// </summary>
    internal async Task ExecuteAsync(IActorRef coordinator, CancellationToken cancellationToken)
    {
        CurrentThread.Value = this;
        coordinator.Tell(ThreadProtocol.Began.Instance, ActorRefs.NoSender);
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A body that stops because it was abandoned ends quietly, like Python's SystemExit.
        }
        catch (Exception error)
        {
            Registry.ReportException(this, error);
        }
    }

    private async Task<bool> JoinCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (_isMain)
            throw new InvalidOperationException("The main thread cannot be joined: it ends when its actor system terminates (await ActorSystem.WhenTerminated instead).");
        var coordinator = Coordinator ?? throw new InvalidOperationException("cannot join thread before it is started");
        if (ReferenceEquals(Current, this)) throw new InvalidOperationException("cannot join current thread");
        cancellationToken.ThrowIfCancellationRequested();
        if (_lifetime.HasEnded) return true;
        return await ThreadJoin.JoinAsync(coordinator, _lifetime, timeout, cancellationToken).ConfigureAwait(false);
    }
}
