using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// How the facade joins a thread: a <see cref="ThreadProtocol.Join"/> whose timeout the coordinator owns, raced against
/// what the coordinator publishes. A coordinator stops once its thread has finished, so a join that reaches it too late
/// is never answered; the published end answers it instead, and the abandoned <c>Ask</c> is cancelled.
/// </summary>
internal static class ThreadJoin
{
    private static readonly TimeSpan LongestAskTimeout = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    public static async Task<bool> JoinAsync(IActorRef coordinator, ThreadLifetime lifetime, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var requestId = RequestIds.Next();
        var owner = ActorRefs.Nobody;
        var backstop = timeout is { } t && t < LongestAskTimeout - CoordinatorClient.BackstopMargin
            ? t + CoordinatorClient.BackstopMargin
            : Timeout.InfiniteTimeSpan;
        using var abandonAsk = new CancellationTokenSource();
        var reply = coordinator.Ask<object>(new ThreadProtocol.Join(requestId, owner, timeout), backstop, abandonAsk.Token);
        object answer;
        await using (cancellationToken.UnsafeRegister(static state => ((CancelOrder)state!).Send(), new CancelOrder(coordinator, requestId, owner)))
        {
            var first = await Task.WhenAny(reply, lifetime.Ended, lifetime.Stopped).ConfigureAwait(false);
            if (first != reply && !reply.IsCompleted)
            {
                abandonAsk.Cancel();
                return lifetime.HasEnded ? true : throw Stopped(coordinator);
            }

            try
            {
                answer = await reply.ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                coordinator.Tell(new CoordinatorProtocol.Cancel(requestId, owner), ActorRefs.NoSender);
                throw new TimeoutException($"The thread's coordinator {coordinator.Path} did not answer join {requestId} within {backstop}.");
            }
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

    private sealed class CancelOrder(IActorRef coordinator, long requestId, IActorRef owner)
    {
        public void Send() => coordinator.Tell(new CoordinatorProtocol.Cancel(requestId, owner), ActorRefs.NoSender);
    }
}
