using Actors.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Routing;

namespace Actors.Executor;

/// <summary>
/// Holds an executor's state: how many jobs are in flight and which of them may not have started, whether it is shut
/// down or broken, and who waits for the shutdown.
/// It forwards each accepted job through a pool router to the workers, keeping the submit's sender (the job's reply
/// target), so the worker answers the future directly.
/// </summary>
internal sealed class ExecutorCoordinator : UntypedActor
{
    private readonly int _maxWorkers;
    private readonly ExecutorRouting _routing;
    private readonly Action? _initializer;
    private readonly string _dispatcherId;
    private readonly UnstartedJobs _unstarted = new();
    private readonly List<IActorRef> _shutdownWaiters = new();
    private readonly CancellationTokenSource _stopping = new();
    private IActorRef _workers = ActorRefs.Nobody;
    private PrimitiveInstruments? _metrics;
    private CoordinatorGauges? _gauges;
    private int _inFlight;
    private bool _shutDown;
    private BrokenExecutorException? _broken;

    public ExecutorCoordinator(int maxWorkers, ExecutorRouting routing, Action? initializer, string dispatcherId)
    {
        _maxWorkers = maxWorkers;
        _routing = routing;
        _initializer = initializer;
        _dispatcherId = dispatcherId;
    }

    protected override void PreStart()
    {
        var stopping = _stopping.Token;
        var coordinator = Self;
        var initializer = _initializer;
        var worker = Props.Create(() => new ExecutorWorker(coordinator, initializer, stopping)).WithDispatcher(_dispatcherId);
        var replaceCrashedWorkers = new OneForOneStrategy(Decider.From(Directive.Restart));
        Pool pool = _routing == ExecutorRouting.SmallestMailbox
            ? new SmallestMailboxPool(_maxWorkers).WithSupervisorStrategy(replaceCrashedWorkers)
            : new RoundRobinPool(_maxWorkers).WithSupervisorStrategy(replaceCrashedWorkers);
        _workers = Context.ActorOf(worker.WithRouter(pool), "workers");
        _metrics = PrimitiveMeter.InstrumentsOf(Context.System);
        _gauges = _metrics.Track(Self.Path.Name, "Executor");
        _gauges.ActiveJobs = 0;
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        if (_gauges is not null) _metrics!.Untrack(_gauges);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExecutorProtocol.Job job:
                OnSubmit(job);
                break;
            case ExecutorProtocol.JobsFinished finished:
                OnJobsFinished(finished.Count);
                break;
            case ExecutorProtocol.InitializerFailed failed:
                OnInitializerFailed(failed.Error);
                break;
            case ExecutorProtocol.Shutdown shutdown:
                OnShutdown(shutdown);
                break;
            case ExecutorProtocol.CallbackFailed failed:
                Context.GetLogger().Error(failed.Error, "A done-callback of {0} threw; the other callbacks still ran.", failed.Future);
                break;
            case ExecutorProtocol.GetState:
                Sender.Tell(new ExecutorState(_maxWorkers, _inFlight, _shutDown, _broken is not null));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnSubmit(ExecutorProtocol.Job job)
    {
        Exception? refusal = _broken is not null
            ? new BrokenExecutorException("The executor is broken: a worker's initializer failed.", _broken.InnerException!)
            : _shutDown ? new InvalidOperationException("Cannot submit a job after the executor was shut down.") : null;
        if (refusal is not null)
        {
            job.Future.TryFailPending(refusal);
            Sender.Tell(new ExecutorProtocol.JobFailed(job.Id, refusal));
            return;
        }

        _inFlight++;
        _gauges!.ActiveJobs = _inFlight;
        _unstarted.Add(job.Future);
        _workers.Forward(job);
    }

    private void OnJobsFinished(int count)
    {
        _inFlight -= count;
        _gauges!.ActiveJobs = _inFlight;
        if (_inFlight == 0) _unstarted.Clear();
        StopWorkersWhenDrained();
    }

    private void OnInitializerFailed(Exception error)
    {
        if (_broken is not null) return;
        _broken = new BrokenExecutorException("A worker's initializer failed; the executor is broken.", error);
        foreach (var future in _unstarted) future.TryFailPending(_broken);
    }

    private void OnShutdown(ExecutorProtocol.Shutdown shutdown)
    {
        _shutDown = true;
        if (shutdown.CancelFutures)
        {
            foreach (var future in _unstarted) future.Cancel();
            _stopping.Cancel();
        }

        if (shutdown.Wait && _inFlight > 0) _shutdownWaiters.Add(Sender);
        else Sender.Tell(ExecutorProtocol.ShutdownCompleted.Instance);
        StopWorkersWhenDrained();
    }

    private void StopWorkersWhenDrained()
    {
        if (!_shutDown || _inFlight > 0) return;
        foreach (var waiter in _shutdownWaiters) waiter.Tell(ExecutorProtocol.ShutdownCompleted.Instance);
        _shutdownWaiters.Clear();
        Context.Stop(_workers);
    }
}
