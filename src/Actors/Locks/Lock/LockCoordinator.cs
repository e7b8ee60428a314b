using Actors.Internal;
using Actors.Locks;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Lock;

/// <summary>A lock's coordinator: <see cref="LockProtocol"/> over the shared holder/FIFO/condition logic.</summary>
internal sealed class LockCoordinator() : MutexCoordinator(reentrant: false)
{
    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case LockProtocol.Acquire acquire:
                Acquire(acquire.RequestId, acquire.Owner, acquire.Timeout);
                return true;
            case LockProtocol.Release release:
                OnRelease(release);
                return true;
            case LockProtocol.GetState get:
                Reply(new LockProtocol.LockState(get.RequestId, Holder is not null, Holder, FencingToken, Waiting));
                return true;
            default:
                return HandleCondition(message);
        }
    }

    protected override object Granted(long requestId, int depth, long fencingToken) => new LockProtocol.Acquired(requestId, fencingToken);

    protected override object NotGranted(long requestId) => new LockProtocol.NotAcquired(requestId);

    protected override IDurableState DurableStateOf(IActorRef? holder, int depth, long fencingToken) =>
        new LockDurableState(holder, fencingToken) { MaxHoldTime = DurableMaxHoldTime };

    protected override (IActorRef? Holder, int Depth, long FencingToken, TimeSpan? MaxHoldTime)? ReadDurableState(IDurableState state) =>
        state is LockDurableState(var holder, var token) durable ? (holder, holder is null ? 0 : 1, token, durable.MaxHoldTime) : null;

    private void OnRelease(LockProtocol.Release release)
    {
        if (Holder is null)
        {
            Reject(release.RequestId, RejectionReason.NotHeld, "Cannot release an unlocked lock.");
            return;
        }

        if (release.FencingToken is { } token && token != FencingToken)
        {
            Reject(release.RequestId, RejectionReason.NotHeld, $"The grant with fencing token {token} no longer holds the lock.");
            return;
        }

        ReleaseLevel();
        Reply(new LockProtocol.Released(release.RequestId));
    }
}
