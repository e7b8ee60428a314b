using Actors.Coordination;
using Actors.Internal;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// Knows every thread of one actor system that was started and has not finished, and which of them are daemons; answers
/// <c>active_count()</c> and <c>enumerate()</c>, and holds the shutdown's wait for non-daemon threads as an ordinary waiter.
/// </summary>
/// <remarks>
/// A thread is registered by <see cref="ActorThread.Start"/> before its body is launched and forgotten when its
/// coordinator reports the end, before any join of it is answered. The registry also watches each thread's coordinator:
/// one that stops without reporting an end (stopped from outside, or the system terminating) is forgotten as well.
/// </remarks>
internal sealed class ThreadRegistryCoordinator : Coordinator
{
    private readonly ActorThread _mainThread;
    private readonly SortedDictionary<long, Entry> _threads = new();
    private readonly Dictionary<IActorRef, long> _identsByCoordinator = new();
    private readonly WaiterQueue _nonDaemonWaiters;
    private int _nonDaemon;

    public ThreadRegistryCoordinator(ActorThread mainThread)
    {
        _mainThread = mainThread;
        _nonDaemonWaiters = NewQueue();
    }

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case ThreadRegistryProtocol.Register register:
                OnRegister(register);
                return true;
            case ThreadRegistryProtocol.Ended ended:
                Forget(ended.Ident);
                return true;
            case Terminated terminated when _identsByCoordinator.TryGetValue(terminated.ActorRef, out var ident):
                Forget(ident);
                return true;
            case ThreadRegistryProtocol.GetActiveCount get:
                Reply(new ThreadRegistryProtocol.ActiveCount(get.RequestId, 1 + AliveThreads().Count()));
                return true;
            case ThreadRegistryProtocol.Enumerate enumerate:
                var threads = new List<ActorThread>(1 + _threads.Count) { _mainThread };
                threads.AddRange(AliveThreads());
                Reply(new ThreadRegistryProtocol.Enumerated(enumerate.RequestId, threads));
                return true;
            case ThreadRegistryProtocol.WaitForNonDaemonThreads wait:
                OnWaitForNonDaemonThreads(wait);
                return true;
            case ThreadRegistryProtocol.AbandonDaemonThreads abandon:
                var daemons = _threads.Values.Where(entry => entry.Daemon).ToList();
                foreach (var daemon in daemons) daemon.Coordinator.Tell(ThreadProtocol.Abandon.Instance, Self);
                Reply(new ThreadRegistryProtocol.DaemonThreadsAbandoned(abandon.RequestId, daemons.Count));
                return true;
            case ThreadRegistryProtocol.GetState get:
                Reply(new ThreadRegistryProtocol.RegistryState(get.RequestId, _threads.Count, _nonDaemon, _nonDaemonWaiters.Count));
                return true;
            default:
                return false;
        }
    }

    private protected override void OnExpired(Waiter waiter) =>
        Send(waiter.ReplyTo, new ThreadRegistryProtocol.NonDaemonThreadsRunning(waiter.RequestId, NonDaemonNames()));

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        // The registry holds nothing for those who wait on it; the base has dropped their waits.
    }

    private void OnRegister(ThreadRegistryProtocol.Register register)
    {
        if (register.Thread is null || register.Coordinator is null || !_threads.TryAdd(register.Ident, new Entry(register.Thread, register.Coordinator, register.Daemon)))
            return;
        _identsByCoordinator[register.Coordinator] = register.Ident;
        Context.Watch(register.Coordinator);
        if (!register.Daemon) _nonDaemon++;
    }

    private void OnWaitForNonDaemonThreads(ThreadRegistryProtocol.WaitForNonDaemonThreads wait)
    {
        if (!Validate(wait.RequestId, wait.Owner, wait.Timeout)) return;
        if (_nonDaemon == 0) Reply(new ThreadRegistryProtocol.NonDaemonThreadsEnded(wait.RequestId));
        else if (IsNonBlocking(wait.Timeout)) Reply(new ThreadRegistryProtocol.NonDaemonThreadsRunning(wait.RequestId, NonDaemonNames()));
        else Enqueue(_nonDaemonWaiters, wait.RequestId, wait.Owner, wait.Timeout);
    }

    private void Forget(long ident)
    {
        if (!_threads.Remove(ident, out var entry)) return;
        _identsByCoordinator.Remove(entry.Coordinator);
        Context.Unwatch(entry.Coordinator);
        if (entry.Daemon || --_nonDaemon > 0) return;
        while (DequeueNext(_nonDaemonWaiters, keepsWatch: false) is { } waiter)
            Send(waiter.ReplyTo, new ThreadRegistryProtocol.NonDaemonThreadsEnded(waiter.RequestId));
    }

    /// <summary>
    /// The registered threads whose end is not yet published: a thread's coordinator publishes the end before it reports
    /// it here, so one may be registered and already not alive for a moment.
    /// </summary>
    private IEnumerable<ActorThread> AliveThreads() => _threads.Values.Select(entry => entry.Thread).Where(thread => !thread.HasEnded);

    private List<string> NonDaemonNames() => _threads.Values.Where(entry => !entry.Daemon).Select(entry => entry.Thread.Name).ToList();

    private sealed record Entry(ActorThread Thread, IActorRef Coordinator, bool Daemon);
}
