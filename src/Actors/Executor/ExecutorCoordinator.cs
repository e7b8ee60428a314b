using Actors.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Routing;

namespace Actors.Executor;

/// <summary>
/// Holds an executor's state: its work queue of accepted jobs and what each worker was handed (<see cref="WorkQueue"/>),
/// whether it is shut down or broken, and who waits for the shutdown. The workers are a router pool, supervised by it;
/// each announces itself, and the coordinator sends jobs only to idle ones (work pulling), keeping the submit's sender
/// as the job's reply target, so the worker answers the future directly.
/// </summary>
internal sealed class ExecutorCoordinator : UntypedActor
{
    private readonly int _maxWorkers;
    private readonly Action? _initializer;
    private readonly string _dispatcherId;
    private readonly WorkQueue _work = new();
    private readonly List<IActorRef> _shutdownWaiters = new();
    private readonly CancellationTokenSource _stopping = new();
    private IActorRef _pool = ActorRefs.Nobody;
    private PrimitiveInstruments? _metrics;
    private CoordinatorGauges? _gauges;
    private bool _shutDown;
    private BrokenExecutorException? _broken;

    public ExecutorCoordinator(int maxWorkers, Action? initializer, string dispatcherId)
    {
        _maxWorkers = maxWorkers;
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
        _pool = Context.ActorOf(worker.WithRouter(new RoundRobinPool(_maxWorkers).WithSupervisorStrategy(replaceCrashedWorkers)), "workers");
        _metrics = PrimitiveMeter.InstrumentsOf(Context.System);
        _gauges = _metrics.Track(Self.Path.Name, "Executor");
        _gauges.ActiveJobs = 0;
    }

    /// <summary>Fails the jobs not started (their workers stop with this actor), so that no future is left pending.</summary>
    protected override void PostStop()
    {
        _work.FailUnstarted(new ObjectDisposedException(Self.Path.ToString(), "The executor's coordinator was stopped before the job started."));
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
                _work.Finished(Sender, finished.Count);
                StopWorkersWhenDrained();
                break;
            case ExecutorProtocol.WorkerReady:
                _work.Register(Sender);
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
                Sender.Tell(new ExecutorState(_maxWorkers, _work.InFlight, _shutDown, _broken is not null));
                break;
            default:
                Unhandled(message);
                break;
        }

        _gauges!.ActiveJobs = _work.InFlight;
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

        _work.Accept(new AcceptedJob(job, Sender));
    }

    private void OnInitializerFailed(Exception error)
    {
        if (_broken is not null) return;
        _broken = new BrokenExecutorException("A worker's initializer failed; the executor is broken.", error);
        _work.FailUnstarted(_broken);
        StopWorkersWhenDrained();
    }

    private void OnShutdown(ExecutorProtocol.Shutdown shutdown)
    {
        _shutDown = true;
        if (shutdown.CancelFutures)
        {
            _work.CancelUnstarted();
            _stopping.Cancel();
        }

        if (shutdown.Wait && _work.InFlight > 0) _shutdownWaiters.Add(Sender);
        else Sender.Tell(ExecutorProtocol.ShutdownCompleted.Instance);
        StopWorkersWhenDrained();
    }

    private void StopWorkersWhenDrained()
    {
        if (!_shutDown || _work.InFlight > 0) return;
        foreach (var waiter in _shutdownWaiters) waiter.Tell(ExecutorProtocol.ShutdownCompleted.Instance);
        _shutdownWaiters.Clear();
        Context.Stop(_pool);
    }
}
