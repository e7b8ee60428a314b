using Actors.Coordination;
using Actors.Internal;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// Holds the state of one started thread: its status (started, running, finished), the token its body receives, and the
/// FIFO of joins. The body runs off the actor, on a dedicated thread, and its end is piped back as <see cref="BodyEnded"/>.
/// </summary>
/// <remarks>
/// Joins are ordinary waiters of the base class, so their timeouts, cancellation and owners' deaths need no code here.
/// When the body ends, the coordinator publishes the end to the facade first, then tells the registry, then answers every
/// join, and finally stops itself (after any message already in its mailbox): so whoever sees a join return sees the
/// thread gone from <c>enumerate()</c> as well, and a shutdown that the registry lets go on sees the thread not alive.
/// The registry leaves out of <c>enumerate()</c> a thread whose end is published but not yet reported, so that
/// <see cref="ActorThread.IsAlive"/> false also means gone from <c>enumerate()</c>, as in Python.
/// </remarks>
internal class ThreadCoordinator : Coordinator
{
    private readonly ActorThread _thread;
    private readonly long _ident;
    private readonly bool _daemon;
    private readonly IActorRef _registry;
    private readonly ThreadLifetime _lifetime;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly WaiterQueue _joiners;
    private bool _launched;

    public ThreadCoordinator(ActorThread thread, long ident, bool daemon, IActorRef registry, ThreadLifetime lifetime)
    {
        _thread = thread;
        _ident = ident;
        _daemon = daemon;
        _registry = registry;
        _lifetime = lifetime;
        _joiners = NewQueue();
    }

    /// <summary>Where the thread is in its life.</summary>
    protected ThreadStatus Status { get; private set; } = ThreadStatus.Started;

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case ThreadProtocol.Join join:
                OnJoin(join);
                return true;
            case ThreadProtocol.GetState get:
                Reply(new ThreadProtocol.ThreadState(get.RequestId, _ident, _thread.Name, _daemon, Status,
                    _cancellation.IsCancellationRequested, _joiners.Count));
                return true;
            case ThreadProtocol.Launch:
                if (_launched || Status == ThreadStatus.Finished) return true;
                _launched = true;
                OnLaunch();
                return true;
            case ThreadProtocol.Began:
                if (Status == ThreadStatus.Started) Status = ThreadStatus.Running;
                return true;
            case BodyEnded:
                Finish();
                return true;
            case ThreadProtocol.Abandon:
                if (Status == ThreadStatus.Finished) return true;
                RequestCancellation();
                OnAbandoned();
                return true;
            case Retire:
                Context.Stop(Self);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Called once, when the thread is registered and may begin. A thread launches its body at once.</summary>
    protected virtual void OnLaunch() => LaunchBody();

    /// <summary>Called when the registry abandons a daemon thread at shutdown, after its token was cancelled.</summary>
    protected virtual void OnAbandoned()
    {
    }

    /// <summary>
    /// Runs the body on a dedicated thread (a blocking body must not hold a dispatcher thread) and pipes its end back.
    /// The body reports its own exception to the except hook before it ends, so it never fails.
    /// </summary>
    protected void LaunchBody()
    {
        var (thread, self, token) = (_thread, Self, _cancellation.Token);
        Task.Factory.StartNew(() => thread.ExecuteAsync(self, token), CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)
            .Unwrap()
            .PipeTo(self, success: static () => BodyEnded.Instance, failure: static _ => BodyEnded.Instance);
    }

    /// <summary>Ends the thread: the facade sees it end, the registry forgets it, every join is answered, then the actor stops.</summary>
    protected void Finish()
    {
        if (Status == ThreadStatus.Finished) return;
        Status = ThreadStatus.Finished;
        _lifetime.MarkEnded();
        _registry.Tell(new ThreadRegistryProtocol.Ended(_ident), Self);
        while (DequeueNext(_joiners, keepsWatch: false) is { } joiner) Send(joiner.ReplyTo, new ThreadProtocol.Joined(joiner.RequestId));
        Self.Tell(Retire.Instance);
    }

    private protected override void OnExpired(Waiter waiter) => Send(waiter.ReplyTo, new ThreadProtocol.NotJoined(waiter.RequestId));

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        // A thread holds nothing for those who join it; the base has dropped their waits.
    }

    private protected override void OnStopping()
    {
        // Stopped before its body ended (the actor system is terminating): the body is abandoned like a daemon.
        if (Status != ThreadStatus.Finished) RequestCancellation();
        _lifetime.MarkStopped();
        base.OnStopping();
    }

    private void OnJoin(ThreadProtocol.Join join)
    {
        if (!Validate(join.RequestId, join.Owner, join.Timeout)) return;
        if (Status == ThreadStatus.Finished) Reply(new ThreadProtocol.Joined(join.RequestId));
        else if (IsNonBlocking(join.Timeout)) Reply(new ThreadProtocol.NotJoined(join.RequestId));
        else Enqueue(_joiners, join.RequestId, join.Owner, join.Timeout);
    }

    /// <summary>Cancels the body's token without running its callbacks on this actor's thread.</summary>
    private void RequestCancellation()
    {
        if (!_cancellation.IsCancellationRequested) _ = _cancellation.CancelAsync();
    }

    /// <summary>The body has returned or thrown.</summary>
    private sealed class BodyEnded
    {
        public static readonly BodyEnded Instance = new();
    }

    /// <summary>Stops the actor after the messages that were already in its mailbox when the thread finished.</summary>
    private sealed class Retire
    {
        public static readonly Retire Instance = new();
    }
}
