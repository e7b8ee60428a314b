using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.RLock;

/// <summary>Holds the state of one re-entrant lock: its owner, the owner's depth and the FIFO of waiters.</summary>
internal sealed class RLockCoordinator : CoordinatorActor
{
    private readonly WaiterQueue _waiters;
    private IActorRef? _owner;
    private int _depth;
    private long _fencingToken;

    public RLockCoordinator() => _waiters = NewQueue();

    protected override bool Handle(object message)
    {
        switch (message)
        {
            case RLockProtocol.Acquire acquire:
                OnAcquire(acquire);
                return true;
            case RLockProtocol.Release release:
                OnRelease(release);
                return true;
            case RLockProtocol.GetState get:
                Reply(new RLockProtocol.RLockState(get.RequestId, _owner, _depth, _fencingToken, _waiters.Count));
                return true;
            default:
                return false;
        }
    }

    protected override void OnExpired(Waiter waiter) => Send(waiter.ReplyTo, new RLockProtocol.NotAcquired(waiter.RequestId));

    protected override void OnOwnerTerminated(IActorRef owner)
    {
        if (owner.Equals(_owner)) HandOver();
    }

    private void OnAcquire(RLockProtocol.Acquire acquire)
    {
        if (!Validate(acquire.RequestId, acquire.Owner, acquire.Timeout, ownerRequired: true)) return;
        if (_owner is null)
        {
            Owners.Add(acquire.Owner);
            Reply(Grant(acquire.RequestId, acquire.Owner));
        }
        else if (_owner.Equals(acquire.Owner))
        {
            Reply(new RLockProtocol.Acquired(acquire.RequestId, ++_depth, _fencingToken));
        }
        else if (IsNonBlocking(acquire.Timeout))
        {
            Reply(new RLockProtocol.NotAcquired(acquire.RequestId));
        }
        else
        {
            Enqueue(_waiters, acquire.RequestId, acquire.Owner, acquire.Timeout);
        }
    }

    private void OnRelease(RLockProtocol.Release release)
    {
        if (_owner is null || release.Owner is null || !_owner.Equals(release.Owner))
        {
            var reason = _owner is null ? "Cannot release an un-acquired lock." : "Cannot release a lock held by another owner.";
            Reject(release.RequestId, _owner is null ? RejectionReason.NotHeld : RejectionReason.NotOwner, reason);
            return;
        }

        var remaining = --_depth;
        if (remaining == 0)
        {
            Owners.Remove(_owner);
            HandOver();
        }

        Reply(new RLockProtocol.Released(release.RequestId, remaining));
    }

    /// <summary>Frees the lock and grants it to the oldest live waiter, if any.</summary>
    private void HandOver()
    {
        _owner = null;
        _depth = 0;
        if (TakeNext(_waiters, keepsWatch: true) is { } next) Send(next.ReplyTo, Grant(next.RequestId, next.Owner));
    }

    private RLockProtocol.Acquired Grant(long requestId, IActorRef owner)
    {
        _owner = owner;
        _depth = 1;
        return new RLockProtocol.Acquired(requestId, 1, ++_fencingToken);
    }
}
