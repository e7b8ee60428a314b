using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Event;

/// <summary>Holds the state of one event: the flag and the FIFO of waiters.</summary>
internal sealed class EventCoordinator : Coordinator
{
    private readonly WaiterQueue _waiters;
    private bool _isSet;

    public EventCoordinator() => _waiters = NewQueue();

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case EventProtocol.Wait wait:
                OnWait(wait);
                return true;
            case EventProtocol.Set set:
                _isSet = true;
                MarkDurableStateChanged();
                var woken = 0;
                while (DequeueNext(_waiters, keepsWatch: false) is { } waiter)
                {
                    CountAcquisition();
                    Send(waiter.ReplyTo, new EventProtocol.Signalled(waiter.RequestId));
                    woken++;
                }

                Reply(new EventProtocol.WasSet(set.RequestId, woken));
                return true;
            case EventProtocol.Clear clear:
                _isSet = false;
                MarkDurableStateChanged();
                Reply(new EventProtocol.Cleared(clear.RequestId));
                return true;
            case EventProtocol.GetState get:
                Reply(new EventProtocol.EventState(get.RequestId, _isSet, _waiters.Count));
                return true;
            default:
                return false;
        }
    }

    private protected override void OnExpired(Waiter waiter) => Send(waiter.ReplyTo, new EventProtocol.NotSignalled(waiter.RequestId));

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        // An event holds nothing for its waiters; the base has dropped their waits.
    }

    private void OnWait(EventProtocol.Wait wait)
    {
        if (!Validate(wait.RequestId, wait.Owner, wait.Timeout)) return;
        if (_isSet)
        {
            CountAcquisition();
            Reply(new EventProtocol.Signalled(wait.RequestId));
        }
        else if (IsNonBlocking(wait.Timeout)) Reply(new EventProtocol.NotSignalled(wait.RequestId));
        else Enqueue(_waiters, wait.RequestId, wait.Owner, wait.Timeout);
    }

    private protected override IDurableState DescribeDurableState() => new EventDurableState(_isSet);

    private protected override void ApplyDurableState(IDurableState state) =>
        _isSet = state is EventDurableState(var isSet) ? isSet : throw ForeignState(state);
}
