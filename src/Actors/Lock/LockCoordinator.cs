using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Lock;

/// <summary>Holds the state of one lock: its holder, the latest fencing token and the FIFO of waiters.</summary>
internal sealed class LockCoordinator : CoordinatorActor
{
    private readonly WaiterQueue _waiters;
    private IActorRef? _holder;
    private long _fencingToken;

    public LockCoordinator() => _waiters = NewQueue();

    protected override bool Handle(object message)
    {
        switch (message)
        {
            case LockProtocol.Acquire acquire:
                OnAcquire(acquire);
                return true;
            case LockProtocol.Release release:
                OnRelease(release);
                return true;
            case LockProtocol.GetState get:
                Reply(new LockProtocol.LockState(get.RequestId, _holder is not null, _holder, _fencingToken, _waiters.Count));
                return true;
            default:
                return false;
        }
    }

    protected override void OnExpired(Waiter waiter) => Send(waiter.ReplyTo, new LockProtocol.NotAcquired(waiter.RequestId));

    protected override void OnOwnerTerminated(IActorRef owner)
    {
        if (owner.Equals(_holder)) HandOver();
    }

    private void OnAcquire(LockProtocol.Acquire acquire)
    {
        if (!Validate(acquire.RequestId, acquire.Owner, acquire.Timeout)) return;
        if (_holder is null)
        {
            Owners.Add(acquire.Owner);
            Reply(Grant(acquire.RequestId, acquire.Owner));
        }
        else if (IsNonBlocking(acquire.Timeout))
        {
            Reply(new LockProtocol.NotAcquired(acquire.RequestId));
        }
        else
        {
            Enqueue(_waiters, acquire.RequestId, acquire.Owner, acquire.Timeout);
        }
    }

    private void OnRelease(LockProtocol.Release release)
    {
        if (_holder is null)
        {
            Reject(release.RequestId, RejectionReason.NotHeld, "Cannot release an unlocked lock.");
            return;
        }

        if (release.FencingToken is { } token && token != _fencingToken)
        {
            Reject(release.RequestId, RejectionReason.NotHeld, $"The grant with fencing token {token} no longer holds the lock.");
            return;
        }

        Owners.Remove(_holder);
        HandOver();
        Reply(new LockProtocol.Released(release.RequestId));
    }

    /// <summary>Frees the lock and grants it to the oldest live waiter, if any.</summary>
    private void HandOver()
    {
        _holder = null;
        if (TakeNext(_waiters, keepsWatch: true) is { } next) Send(next.ReplyTo, Grant(next.RequestId, next.Owner));
    }

    private LockProtocol.Acquired Grant(long requestId, IActorRef owner)
    {
        _holder = owner;
        return new LockProtocol.Acquired(requestId, ++_fencingToken);
    }
}
