using Actors.Internal;
using Akka.Actor;

namespace Actors.Executor;

/// <summary>
/// The sender of a submitted job: the worker's reply completes the job's future right where it is told, on the
/// worker's thread, with no <c>Ask</c>, task or continuation of its own between the worker and the future. A job that
/// never reaches a worker (the coordinator or the pool is stopped) fails the future through
/// <see cref="ReplyTarget.Fail"/> instead of leaving it pending for ever.
/// </summary>
/// <remarks>
/// Every reply leaves the future done (a worker skips a job only once its future is done), so the target lets go of
/// the future after the first: the worker, which keeps the sender of its last message until its next one, would
/// otherwise keep the job's result reachable.
/// </remarks>
internal sealed class FutureReplyTarget(IActorRefProvider provider, ActorFuture future) : ReplyTarget(provider)
{
    private ActorFuture? _future = future;

    /// <inheritdoc />
    protected override bool IsCompleted => Volatile.Read(ref _future) is not { } pending || pending.IsDone;

    /// <summary>Completes the future from the job's outcome; every outcome ends this one-shot target.</summary>
    protected override bool TryComplete(object reply)
    {
        if (Interlocked.Exchange(ref _future, null) is not { } pending) return false;
        ExecutorProtocol.Complete(pending, reply);
        return true;
    }

    /// <inheritdoc />
    protected override bool TryFail(Exception reason) => Interlocked.Exchange(ref _future, null)?.TrySetException(reason) ?? false;
}
