using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// A one-shot reply target: a minimal actor reference whose first message completes something (a task, a future).
/// It is what <c>Ask</c> builds, without what a facade does not need on every call: a temporary actor path is made and
/// registered only if someone asks for the path (a remote coordinator serialising the sender, a dead-letter log line),
/// and no timer is armed. A request that is never handled does not hang: <see cref="UndeliveredRequests"/> fails the
/// target when the request reaches dead letters or is not understood.
/// </summary>
internal abstract class ReplyTarget : MinimalActorRef
{
    private readonly IActorRefProvider _provider;
    private ActorPath? _path;

    /// <summary>Creates a target served by <paramref name="provider"/>, the provider of the actor it will be sent to.</summary>
    protected ReplyTarget(IActorRefProvider provider) => _provider = provider;

    /// <inheritdoc />
    public override IActorRefProvider Provider => _provider;

    /// <inheritdoc />
    public override ActorPath Path
    {
        get
        {
            if (Volatile.Read(ref _path) is { } path) return path;
            var fresh = _provider.TempPath();
            if (Interlocked.CompareExchange(ref _path, fresh, null) is { } raced) return raced;
            _provider.RegisterTempActor(this, fresh);
            if (IsCompleted) _provider.UnregisterTempActor(fresh);
            return fresh;
        }
    }

    /// <summary>Whether a reply or a failure has completed the target.</summary>
    protected abstract bool IsCompleted { get; }

    /// <summary>
    /// The provider to build a target for <paramref name="coordinator"/> with, or null when a target cannot be used and
    /// the caller must fall back to <c>Ask</c> with a timeout: the coordinator is not a local actor, so a lost request
    /// could not be noticed from dead letters.
    /// </summary>
    public static IActorRefProvider? ProviderFor(IActorRef coordinator)
    {
        if (coordinator is not ActorRefWithCell { IsLocal: true, Provider: { } provider }) return null;
        UndeliveredRequests.EnsureWatching(provider.Settings.System);
        return provider;
    }

    /// <summary>Completes the target with <paramref name="reply"/>; false if it was already completed.</summary>
    protected abstract bool TryComplete(object reply);

    /// <summary>Fails the target; false if it was already completed. A reply that arrives later is dropped.</summary>
    protected abstract bool TryFail(Exception reason);

    /// <summary>Fails the target because its request was never handled.</summary>
    public void Fail(Exception reason)
    {
        if (TryFail(reason)) Unregister();
    }

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender)
    {
        if (TryComplete(message)) Unregister();
    }

    /// <summary>Drops the temporary path, if one was registered: nothing is delivered to this target any more.</summary>
    protected void Unregister()
    {
        if (Volatile.Read(ref _path) is { } path) _provider.UnregisterTempActor(path);
    }
}
