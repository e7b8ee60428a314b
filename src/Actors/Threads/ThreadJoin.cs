using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// How the facade joins a thread: a <see cref="ThreadProtocol.Join"/> whose timeout the coordinator owns, raced against
/// what the coordinator publishes. A coordinator stops once its thread has finished, so a join that reaches it too late
/// goes to dead letters; the published end answers it instead.
/// </summary>
internal static class ThreadJoin
{
    public static async Task<bool> JoinAsync(IActorRef coordinator, ThreadLifetime lifetime, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var reply = CoordinatorClient.AskWaitingAsync(coordinator, new ThreadProtocol.Join(RequestIds.Next(), ActorRefs.Nobody, timeout),
            cancellationToken);
        var first = await Task.WhenAny(reply, lifetime.Ended, lifetime.Stopped).ConfigureAwait(false);
        // A join that reached the coordinator too late is answered (dead letters) whenever it is; the lifetime says it all.
        if (first != reply && !reply.IsCompleted) return lifetime.HasEnded ? true : throw Stopped(coordinator);

        object answer;
        try
        {
            answer = await reply.ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (lifetime.HasEnded)
        {
            return true;
        }

        switch (answer)
        {
            case ThreadProtocol.Joined:
                return true;
            case ThreadProtocol.NotJoined:
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            case CoordinatorProtocol.Cancelled:
                throw new OperationCanceledException(cancellationToken);
            case CoordinatorProtocol.Rejected { Reason: RejectionReason.CoordinatorStopped }:
                return lifetime.HasEnded ? true : throw Stopped(coordinator);
            case CoordinatorProtocol.Rejected rejected:
                throw rejected.ToException();
            default:
                throw Rejections.Unexpected(answer);
        }
    }

    private static ObjectDisposedException Stopped(IActorRef coordinator) =>
        new(coordinator.Path.ToString(), "The thread's coordinator stopped before the thread finished: its actor system is shutting down.");
}
