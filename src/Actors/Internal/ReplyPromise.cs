using Akka.Actor;

namespace Actors.Internal;

/// <summary>A <see cref="ReplyTarget"/> that completes a task with the reply: a facade's cheaper <c>Ask</c>.</summary>
/// <remarks>
/// Once completed, the promise lets go of its task: an actor keeps the sender of the last message it handled until its
/// next one, and through a promise that held on to its task it would keep the reply reachable (a queue's item long
/// after its getter dropped it).
/// </remarks>
internal sealed class ReplyPromise : ReplyTarget
{
    private TaskCompletionSource<object>? _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReplyPromise(IActorRefProvider provider) : base(provider)
    {
    }

    /// <inheritdoc />
    protected override bool IsCompleted => Volatile.Read(ref _reply) is null;

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="coordinator"/> with a new promise as the sender and returns
    /// the task its reply completes, or null when the coordinator is not local (the caller then uses <c>Ask</c> with a timeout).
    /// </summary>
    public static Task<object>? TrySend(IActorRef coordinator, object request)
    {
        if (ProviderFor(coordinator) is not { } provider) return null;
        var promise = new ReplyPromise(provider);
        var reply = promise._reply!.Task;
        coordinator.Tell(request, promise);
        return reply;
    }

    /// <inheritdoc />
    protected override bool TryComplete(object reply) => Interlocked.Exchange(ref _reply, null)?.TrySetResult(reply) ?? false;

    /// <inheritdoc />
    protected override bool TryFail(Exception reason) => Interlocked.Exchange(ref _reply, null)?.TrySetException(reason) ?? false;
}
