using Actors.Internal;
using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// The sender of a submitted job: the worker's reply completes the job's future right where it is told, on the
/// worker's thread, with no <c>Ask</c>, task or continuation of its own between the worker and the future. A job that
/// never reaches a worker (the coordinator or the pool is stopped) fails the future through
/// <see cref="ReplyTarget.Fail"/> instead of leaving it pending for ever.
/// </summary>
internal sealed class FutureReplyTarget(IActorRefProvider provider, ActorFuture future) : ReplyTarget(provider)
{
    /// <inheritdoc />
    protected override bool IsCompleted => future.IsDone;

    /// <summary>Completes the future from the job's outcome; every outcome ends this one-shot target.</summary>
    protected override bool TryComplete(object reply)
    {
        ExecutorProtocol.Complete(future, reply);
        return true;
    }

    /// <inheritdoc />
    protected override bool TryFail(Exception reason) => future.TrySetException(reason);
}
