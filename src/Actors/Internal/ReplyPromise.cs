using Akka.Actor;

namespace Actors.Internal;

/// <summary>A <see cref="ReplyTarget"/> that completes a task with the reply: a facade's cheaper <c>Ask</c>.</summary>
internal sealed class ReplyPromise : ReplyTarget
{
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReplyPromise(IActorRefProvider provider) : base(provider)
    {
    }

    /// <summary>Completes with the first message told to this reference.</summary>
    public Task<object> Task => _reply.Task;

    /// <inheritdoc />
    protected override bool IsCompleted => _reply.Task.IsCompleted;

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="coordinator"/> with a new promise as the sender and returns
    /// the promise, or null when the coordinator is not local (the caller then uses <c>Ask</c> with a timeout).
    /// </summary>
    public static ReplyPromise? TrySend(IActorRef coordinator, object request)
    {
        if (ProviderFor(coordinator) is not { } provider) return null;
        var promise = new ReplyPromise(provider);
        coordinator.Tell(request, promise);
        return promise;
    }

    /// <inheritdoc />
    protected override bool TryComplete(object reply) => _reply.TrySetResult(reply);

    /// <inheritdoc />
    protected override bool TryFail(Exception reason) => _reply.TrySetException(reason);
}
