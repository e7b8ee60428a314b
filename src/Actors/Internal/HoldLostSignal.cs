using Actors.Protocol;
using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// The watcher behind a <see cref="Lease.HoldLost"/> token: a minimal actor reference that the lease names in a
/// <see cref="CoordinatorProtocol.WatchHold"/>. It cancels its token when the coordinator reports the hold lost, or when
/// the actor system's <see cref="IHoldGuard"/> (across a cluster) says the coordinator's node cannot be trusted any
/// more; it learns that node from the sender of <see cref="CoordinatorProtocol.HoldWatched"/>, and until then (the
/// coordinator's node may fail before it answers) it takes the loss of contact with any node as the loss of the hold.
/// </summary>
/// <remarks>
/// It is told synchronously, from inside the coordinator when the coordinator is local, so it only flips the token and
/// leaves the token's callbacks to the thread pool (<see cref="CancellationTokenSource.CancelAsync"/>): no user code
/// ever runs inside a coordinator. Its temporary path is registered only if the coordinator is remote, and dropped when
/// the lease is disposed.
/// </remarks>
internal sealed class HoldLostSignal : ReplyTarget
{
    private readonly CancellationTokenSource _lost = new();
    private readonly ActorSystem _system;
    private IDisposable? _guard;
    private IDisposable? _untilLocated;
    private int _reason = -1;
    private int _ended;

    private HoldLostSignal(IActorRefProvider provider) : base(provider) => _system = provider.Settings.System;

    /// <summary>Fires when the hold is lost.</summary>
    public CancellationToken Token => _lost.Token;

    /// <summary>Why the hold was lost; null while it is not.</summary>
    public HoldLostReason? Reason => Volatile.Read(ref _reason) is var reason and >= 0 ? (HoldLostReason)reason : null;

    /// <inheritdoc />
    protected override bool IsCompleted => Volatile.Read(ref _ended) != 0;

    /// <summary>A signal for a hold granted by <paramref name="coordinator"/>; null when its reference has no provider to build one with.</summary>
    public static HoldLostSignal? For(IActorRef coordinator) =>
        coordinator is IInternalActorRef { Provider: { } provider } ? new HoldLostSignal(provider) : null;

    /// <summary>Whether <paramref name="coordinator"/> runs in this process, where a hold is lost only by the coordinator's doing.</summary>
    public static bool IsInProcess(IActorRef coordinator) => coordinator is ActorRefWithCell { IsLocal: true };

    /// <summary>Asks <paramref name="coordinator"/> to report the loss of the hold granted with <paramref name="fencingToken"/> to this signal.</summary>
    public void Watch(IActorRef coordinator, long fencingToken)
    {
        if (!IsInProcess(coordinator) && HoldGuards.For(_system) is { } guard) Keep(ref _untilLocated, guard.GuardAnyNode(Lose));
        coordinator.Tell(new CoordinatorProtocol.WatchHold(fencingToken, this), ActorRefs.NoSender);
    }

    /// <summary>The hold ended normally (its lease was disposed): stop watching, without firing.</summary>
    public void Detach()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0) StopWatching();
    }

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case CoordinatorProtocol.HoldLost lost:
                Lose(lost.Reason);
                break;
            case CoordinatorProtocol.HoldWatched when sender is not null && !sender.IsNobody():
                GuardNode(sender.Path.Address);
                break;
        }
    }

    /// <inheritdoc />
    protected override bool TryComplete(object reply) => false;

    /// <inheritdoc />
    protected override bool TryFail(Exception reason) => false;

    private void GuardNode(Address node)
    {
        if (HoldGuards.For(_system) is not { } guard || IsCompleted) return;
        Keep(ref _guard, guard.Guard(node, Lose));
        Interlocked.Exchange(ref _untilLocated, null)?.Dispose();
    }

    /// <summary>Stores <paramref name="registration"/> in <paramref name="slot"/>, or disposes it if the slot is taken or the watch has ended.</summary>
    private void Keep(ref IDisposable? slot, IDisposable registration)
    {
        if (Interlocked.CompareExchange(ref slot, registration, null) is not null || IsCompleted) registration.Dispose();
    }

    private void Lose(HoldLostReason reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0) return;
        Volatile.Write(ref _reason, (int)reason);
        _ = _lost.CancelAsync();
        StopWatching();
    }

    private void StopWatching()
    {
        Interlocked.Exchange(ref _untilLocated, null)?.Dispose();
        Interlocked.Exchange(ref _guard, null)?.Dispose();
        Unregister();
    }
}
