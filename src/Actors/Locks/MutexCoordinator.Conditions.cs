using Actors.Condition;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Locks;

/// <summary>
/// The lock's named conditions: a wait releases the lock completely and queues on its condition; a notify, a timeout or
/// a cancel moves the waiter into the acquirers' FIFO, and its reply goes out only when it holds the lock again at its
/// old depth, with the watchers of the hold it released.
/// </summary>
internal abstract partial class MutexCoordinator
{
    private readonly Dictionary<string, ConditionQueue> _conditions = new();

    /// <summary>Handles the condition messages addressed to this lock; false if <paramref name="message"/> is not one.</summary>
    protected bool HandleCondition(object message)
    {
        switch (message)
        {
            case ConditionProtocol.Wait wait:
                OnWait(wait);
                return true;
            case ConditionProtocol.Notify notify:
                OnNotify(notify);
                return true;
            case ConditionProtocol.GetState get:
                var queue = _conditions.GetValueOrDefault(get.Condition ?? "");
                Reply(new ConditionProtocol.ConditionState(get.RequestId, queue?.Waiters.Count ?? 0, queue?.Reacquiring ?? 0));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A condition waiter's hold, released for the wait, will not come back: the lease watching it is told.</summary>
    private protected override void OnWaiterOwnerTerminated(Waiter waiter)
    {
        var (token, watchers) = waiter.Payload switch
        {
            ConditionWait wait => (wait.FencingToken, wait.Watchers),
            Reacquiring reacquiring => (reacquiring.FencingToken, reacquiring.Watchers),
            _ => (0, null),
        };
        foreach (var watcher in watchers ?? []) Send(watcher, new CoordinatorProtocol.HoldLost(token, HoldLostReason.OwnerTerminated));
    }

    private void OnWait(ConditionProtocol.Wait wait)
    {
        if (!Validate(wait.RequestId, wait.Owner, wait.Timeout) || !ValidateCondition(wait.RequestId, wait.Condition, wait.Owner)) return;
        var condition = new ConditionWait(ConditionFor(wait.Condition), Depth, FencingToken, _hold?.Watchers);
        if (IsNonBlocking(wait.Timeout))
        {
            ReleaseCompletely();
            Reacquire(wait.RequestId, wait.Owner, Sender, condition, ConditionProtocol.WakeReason.TimedOut);
            return;
        }

        if (Enqueue(condition.Queue.Waiters, wait.RequestId, wait.Owner, wait.Timeout, condition) is not null) ReleaseCompletely();
    }

    private void OnNotify(ConditionProtocol.Notify notify)
    {
        if (notify.Owner is null)
        {
            Reject(notify.RequestId, RejectionReason.InvalidArgument, "The notify names no owner; use ActorRefs.Nobody for the anonymous owner.");
            return;
        }

        if (notify.Count < 1)
        {
            Reject(notify.RequestId, RejectionReason.InvalidArgument, $"The count must be at least 1, not {notify.Count}.");
            return;
        }

        if (!ValidateCondition(notify.RequestId, notify.Condition, notify.Owner)) return;
        var woken = 0;
        if (_conditions.TryGetValue(notify.Condition, out var queue))
        {
            while (woken < notify.Count && DequeueNext(queue.Waiters, keepsWatch: false) is { } waiter)
            {
                Reacquire(waiter.RequestId, waiter.Owner, waiter.ReplyTo, (ConditionWait)waiter.Payload!, ConditionProtocol.WakeReason.Notified);
                woken++;
            }
        }

        Reply(new ConditionProtocol.Notified(notify.RequestId, woken));
    }

    private bool ValidateCondition(long requestId, string? condition, IActorRef owner)
    {
        if (string.IsNullOrEmpty(condition))
            return Reject(requestId, RejectionReason.InvalidArgument, "The condition needs a name.");
        if (HoldsLock(owner)) return true;
        return Holder is null
            ? Reject(requestId, RejectionReason.NotHeld, "Cannot wait on or notify a condition without holding its lock, which is free.")
            : Reject(requestId, RejectionReason.NotOwner, "Cannot wait on or notify a condition without holding its lock, which another owner holds.");
    }

    /// <summary>Puts a woken condition waiter in line for the lock, or gives it the lock at once if it is free.</summary>
    private void Reacquire(long requestId, IActorRef owner, IActorRef replyTo, ConditionWait wait, ConditionProtocol.WakeReason reason)
    {
        if (Holder is null)
        {
            Owners.Add(owner);
            Hold(owner, wait.Depth, wait.Watchers);
            Send(replyTo, new ConditionProtocol.Woken(requestId, reason, FencingToken));
            return;
        }

        wait.Queue.Reacquiring++;
        Enqueue(_acquirers, requestId, owner, replyTo, timeout: null, new Reacquiring(wait.Queue, wait.Depth, reason, wait.FencingToken, wait.Watchers));
    }

    private ConditionQueue ConditionFor(string name)
    {
        if (!_conditions.TryGetValue(name, out var queue)) _conditions[name] = queue = new ConditionQueue(NewQueue());
        return queue;
    }

    /// <summary>A named condition: its waiters, and how many of its woken waiters are in line for the lock.</summary>
    private sealed class ConditionQueue(WaiterQueue waiters)
    {
        public WaiterQueue Waiters { get; } = waiters;

        public int Reacquiring { get; set; }
    }

    /// <summary>
    /// The payload of a condition waiter: its condition, the depth to restore, and the fencing token and watchers of the
    /// hold it released; the watchers watch the hold it takes back (a lease around a condition wait stays watched), and
    /// are told under that token if its owner dies before.
    /// </summary>
    private sealed record ConditionWait(ConditionQueue Queue, int Depth, long FencingToken, IReadOnlyList<IActorRef>? Watchers);

    /// <summary>The payload of a woken condition waiter in line for the lock.</summary>
    private sealed record Reacquiring(ConditionQueue Queue, int Depth, ConditionProtocol.WakeReason Reason, long FencingToken, IReadOnlyList<IActorRef>? Watchers);
}
