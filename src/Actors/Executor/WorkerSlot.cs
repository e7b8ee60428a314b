using Actors.Internal;
using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// The coordinator's view of one worker: the jobs handed to it, oldest first, that it has not yet reported through.
/// A worker runs its jobs in the order it was given them and reports counts, so a report takes jobs off the front.
/// </summary>
internal sealed class WorkerSlot(IActorRef worker)
{
    /// <summary>The worker actor.</summary>
    public IActorRef Worker { get; } = worker;

    /// <summary>Jobs handed to the worker and not yet reported, oldest first.</summary>
    public Deque<AcceptedJob> Handed { get; } = new();

    /// <summary>Whether the worker has nothing to do: every job handed to it is reported.</summary>
    public bool IsIdle => Handed.Count == 0;

    /// <summary>The number of handed jobs that no worker has started yet (candidates to be taken over by an idle worker).</summary>
    public int CountPending()
    {
        var pending = 0;
        for (var i = 0; i < Handed.Count; i++)
            if (Handed[i].IsPending) pending++;
        return pending;
    }

    /// <summary>Hands <paramref name="job"/> to the worker.</summary>
    public void Hand(AcceptedJob job)
    {
        Handed.AddLast(job);
        job.HandTo(Worker);
    }
}
