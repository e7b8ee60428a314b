using Actors.Internal;
using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// An executor's one work queue and its workers, as its coordinator sees them (Python's <c>_work_queue</c>): accepted
/// jobs wait here, in order, and go only to a worker that is idle, a small batch at a time; a worker asks for more by
/// reporting what it finished. No job waits while a worker is idle: when a worker runs dry and the queue is empty, it
/// takes over jobs handed to a busy worker that has not started them (the busy one may be blocked in a long job).
/// </summary>
/// <remarks>
/// A worker is topped up before it runs dry: after the first half of a batch the coordinator queues a
/// <see cref="ExecutorProtocol.ReportFinished"/> to it, so its report arrives while the second half runs, and a worker
/// with at most half a batch left gets more at once. Without this, every batch of short jobs ended with the worker idle
/// for a round trip to the coordinator (Map over 100,000 items in chunks of 1,000 ran at 0.38× Task.Run).
/// A job taken over is handed twice; the future's own start (<see cref="ActorFuture.TryStart"/>, a compare-and-swap)
/// decides which worker runs it, and the other passes it by without a reply. Both report it, so the count of jobs in
/// flight drops only when every handing of a job is reported.
/// </remarks>
internal sealed class WorkQueue
{
    /// <summary>The most jobs handed to one worker at once: enough to spare a report per job under load.</summary>
    private const int MaxBatch = 32;

    private readonly Deque<AcceptedJob> _queued = new();
    private readonly Dictionary<IActorRef, WorkerSlot> _workers = new();
    private readonly Deque<WorkerSlot> _idle = new();
    private readonly Dictionary<ExecutorProtocol.Job, int> _extraHandings = new(ReferenceEqualityComparer.Instance);

    /// <summary>Jobs accepted that have not left every worker they were handed to.</summary>
    public int InFlight { get; private set; }

    /// <summary>Queues an accepted job, or hands it at once to an idle worker.</summary>
    public void Accept(AcceptedJob job)
    {
        InFlight++;
        _queued.AddLast(job);
        if (_idle.Count > 0) Feed(_idle.RemoveFirst());
    }

    /// <summary>A worker of the pool announced itself (again, after a restart: then nothing changes).</summary>
    public void Register(IActorRef worker)
    {
        if (_workers.ContainsKey(worker)) return;
        var slot = new WorkerSlot(worker);
        _workers.Add(worker, slot);
        Feed(slot);
    }

    /// <summary>
    /// <paramref name="worker"/> is through the next <paramref name="count"/> jobs it was handed (run, failed or passed
    /// by); if that leaves it idle, it gets more.
    /// </summary>
    public void Finished(IActorRef worker, int count)
    {
        if (!_workers.TryGetValue(worker, out var slot) || slot.IsIdle) return;
        for (var i = 0; i < count && slot.Handed.Count > 0; i++) Leave(slot.Handed.RemoveFirst().Job);
        if (slot.IsIdle || (_queued.Count > 0 && slot.Handed.Count <= MaxBatch / 2)) Feed(slot);
    }

    /// <summary>Cancels every job not yet started: those queued leave at once, those handed out are passed by.</summary>
    public void CancelUnstarted()
    {
        foreach (var slot in _workers.Values)
            for (var i = 0; i < slot.Handed.Count; i++) slot.Handed[i].Job.Future.Cancel();
        DropQueued(job => job.Future.Cancel());
    }

    /// <summary>Fails every job not yet started with <paramref name="error"/> (the pool broke, the coordinator stopped).</summary>
    public void FailUnstarted(Exception error)
    {
        foreach (var slot in _workers.Values)
            for (var i = 0; i < slot.Handed.Count; i++) slot.Handed[i].Job.Future.TryFailPending(error);
        DropQueued(job => job.Future.TryFailPending(error));
    }

    /// <summary>Empties the queue: each job is first settled by <paramref name="settle"/>, then its reply target told it was skipped.</summary>
    private void DropQueued(Action<ExecutorProtocol.Job> settle)
    {
        while (_queued.Count > 0)
        {
            var dropped = _queued.RemoveFirst();
            settle(dropped.Job);
            dropped.ReplyTo.Tell(new ExecutorProtocol.JobSkipped(dropped.Job.Id));
            InFlight--;
        }
    }

    /// <summary>
    /// Gives an idle worker its share of the queue (jobs cancelled meanwhile are dropped on the way), or else jobs a busy
    /// worker has not started; with nothing to give, the worker waits among the idle ones.
    /// </summary>
    private void Feed(WorkerSlot slot)
    {
        var batch = Math.Clamp((_queued.Count + _workers.Count - 1) / Math.Max(1, _workers.Count), 1, MaxBatch - slot.Handed.Count);
        var reportAfter = batch > 1 ? slot.Handed.Count + (batch + 1) / 2 : -1;
        while (batch > 0 && _queued.Count > 0)
        {
            var job = _queued.RemoveFirst();
            if (!job.IsPending)
            {
                job.ReplyTo.Tell(new ExecutorProtocol.JobSkipped(job.Job.Id));
                InFlight--;
                continue;
            }

            slot.Hand(job);
            batch--;
            if (slot.Handed.Count == reportAfter) slot.Worker.Tell(ExecutorProtocol.ReportFinished.Instance);
        }

        if (slot.IsIdle && !TakeOver(slot)) _idle.AddLast(slot);
    }

    /// <summary>
    /// Hands <paramref name="idle"/> the older half of the unstarted jobs of the worker that has the most of them.
    /// </summary>
    /// <returns>False when no worker has a job it has not started.</returns>
    private bool TakeOver(WorkerSlot idle)
    {
        var (busiest, most) = (idle, 0);
        foreach (var slot in _workers.Values)
        {
            if (slot == idle) continue;
            var pending = slot.CountPending();
            if (pending > most) (busiest, most) = (slot, pending);
        }

        if (most == 0) return false;
        var take = (most + 1) / 2;
        for (var i = 0; i < busiest.Handed.Count && take > 0; i++)
        {
            var job = busiest.Handed[i];
            if (!job.IsPending) continue;
            _extraHandings[job.Job] = _extraHandings.GetValueOrDefault(job.Job) + 1;
            idle.Hand(job);
            take--;
        }

        return true;
    }

    /// <summary>One handing of <paramref name="job"/> is reported; the job leaves when its last handing is.</summary>
    private void Leave(ExecutorProtocol.Job job)
    {
        if (_extraHandings.Count > 0 && _extraHandings.TryGetValue(job, out var extra))
        {
            if (extra == 1) _extraHandings.Remove(job);
            else _extraHandings[job] = extra - 1;
            return;
        }

        InFlight--;
    }
}
