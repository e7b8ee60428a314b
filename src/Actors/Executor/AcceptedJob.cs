using Akka.Actor;

namespace Actors.Executor;

/// <summary>A job the coordinator accepted, with the reply target its worker answers (the submit's sender).</summary>
internal readonly record struct AcceptedJob(ExecutorProtocol.Job Job, IActorRef ReplyTo)
{
    /// <summary>Whether no worker has started the job and it was neither cancelled nor failed.</summary>
    public bool IsPending => Job.Future.State == FutureState.Pending;

    /// <summary>Sends the job to <paramref name="worker"/>, which answers <see cref="ReplyTo"/>.</summary>
    public void HandTo(IActorRef worker) => worker.Tell(Job, ReplyTo);
}
