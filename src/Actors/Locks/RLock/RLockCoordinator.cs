using Actors.Internal;
using Actors.Locks;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.RLock;

/// <summary>A re-entrant lock's coordinator: <see cref="RLockProtocol"/> over the shared holder/FIFO/condition logic.</summary>
internal sealed class RLockCoordinator() : MutexCoordinator(reentrant: true)
{
    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case RLockProtocol.Acquire acquire:
                Acquire(acquire.RequestId, acquire.Owner, acquire.Timeout);
                return true;
            case RLockProtocol.Release release:
                OnRelease(release);
                return true;
            case RLockProtocol.GetState get:
                Reply(new RLockProtocol.RLockState(get.RequestId, Holder, Depth, FencingToken, Waiting));
                return true;
            default:
                return HandleCondition(message);
        }
    }

    protected override object Granted(long requestId, int depth, long fencingToken) => new RLockProtocol.Acquired(requestId, depth, fencingToken);

    protected override object NotGranted(long requestId) => new RLockProtocol.NotAcquired(requestId);

    protected override IDurableState DurableStateOf(IActorRef? holder, int depth, long fencingToken) =>
        new RLockDurableState(holder, depth, fencingToken) { MaxHoldTime = DurableMaxHoldTime };

    protected override (IActorRef? Holder, int Depth, long FencingToken, TimeSpan? MaxHoldTime)? ReadDurableState(IDurableState state) =>
        state is RLockDurableState(var owner, var depth, var token) durable ? (owner, depth, token, durable.MaxHoldTime) : null;

    private void OnRelease(RLockProtocol.Release release)
    {
        if (Holder is null)
        {
            Reject(release.RequestId, RejectionReason.NotHeld, "Cannot release an un-acquired lock.");
            return;
        }

        if (release.Owner is null || !Holder.Equals(release.Owner))
        {
            Reject(release.RequestId, RejectionReason.NotOwner, "Cannot release a lock held by another owner.");
            return;
        }

        Reply(new RLockProtocol.Released(release.RequestId, ReleaseLevel()));
    }
}
