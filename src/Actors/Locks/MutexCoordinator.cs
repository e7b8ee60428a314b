using Actors.Condition;
using Actors.Coordination;
using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Locks;

/// <summary>
/// What a lock and a re-entrant lock share: one holder with a depth, a fencing token, the FIFO of acquirers, and the
/// lock's named conditions (MutexCoordinator.Conditions.cs). A condition wait releases the lock completely and waits on its condition; when it is
/// notified, times out or is cancelled it moves into the acquirers' FIFO, and its reply goes out only when it holds
/// the lock again at its old depth.
/// </summary>
internal abstract partial class MutexCoordinator : Coordinator
{
    private readonly bool _reentrant;
    private readonly WaiterQueue _acquirers;
    private Hold? _hold;

    protected MutexCoordinator(bool reentrant)
    {
        _reentrant = reentrant;
        _acquirers = NewQueue();
        ReportWaitsFor(_acquirers, reentrant ? "RLock" : "Lock");
    }

    /// <summary>The owner holding the lock, or null when it is free.</summary>
    protected IActorRef? Holder { get; private set; }

    /// <summary>The holder's depth: 1 for a lock, the number of unreleased acquires for a re-entrant lock.</summary>
    protected int Depth { get; private set; }

    /// <summary>Increases each time the lock passes to an owner.</summary>
    protected long FencingToken { get; private set; }

    /// <summary>Requests waiting to hold the lock, condition waiters taking it back included.</summary>
    protected int Waiting => _acquirers.Count;

    /// <summary>The primitive's reply to a granted acquire.</summary>
    protected abstract object Granted(long requestId, int depth, long fencingToken);

    /// <summary>The primitive's reply to an acquire that timed out.</summary>
    protected abstract object NotGranted(long requestId);

    /// <summary>The primitive's durable record of a holder (null when free), its depth, the latest fencing token and the <see cref="Coordinator.MaxHoldTime"/>.</summary>
    protected abstract IDurableState DurableStateOf(IActorRef? holder, int depth, long fencingToken);

    /// <summary>The holder, depth, fencing token and maximum hold time in <paramref name="state"/>, or null if it is not this primitive's.</summary>
    protected abstract (IActorRef? Holder, int Depth, long FencingToken, TimeSpan? MaxHoldTime)? ReadDurableState(IDurableState state);

    private protected override IDurableState DescribeDurableState() => DurableStateOf(Holder, Depth, FencingToken);

    private protected override bool GrantsHolds => true;

    private protected override Hold? FindHold(long fencingToken) => _hold is { } hold && hold.FencingToken == fencingToken ? hold : null;

    private protected override int RevokeAllHolds()
    {
        if (_hold is not { } hold) return 0;
        LoseHold(hold, HoldLostReason.ForceReleased);
        ReleaseCompletely();
        return 1;
    }

    private protected override void OnHoldTimeExpired(Hold hold)
    {
        if (!ReferenceEquals(hold, _hold)) return;
        LoseHold(hold, HoldLostReason.MaxHoldTimeExceeded);
        ReleaseCompletely();
    }

    /// <summary>
    /// Takes over a recovered holder, depth, fencing token and maximum hold time; the holder is watched again and its
    /// hold starts a fresh term. Waiters are not recovered: a condition wait that was under way has released the lock,
    /// and its caller learns from its own timeout.
    /// </summary>
    private protected override void ApplyDurableState(IDurableState state)
    {
        if (ReadDurableState(state) is not var (holder, depth, token, maxHoldTime)) throw ForeignState(state);
        if (token < 0 || depth < 0 || (holder is null) != (depth == 0) || (holder is not null && token == 0))
            throw ForeignState(state, $"holder {holder?.Path.ToString() ?? "none"} at depth {depth} with fencing token {token} is impossible");
        if (Holder is not null) Owners.Remove(Holder);
        EndHold(_hold);
        RestoreMaxHoldTime(maxHoldTime);
        Holder = holder;
        Depth = depth;
        FencingToken = token;
        _hold = holder is null ? null : BeginHold(token, holder);
        if (holder is not null) Owners.Add(holder);
    }

    /// <summary>Grants, refuses or enqueues an acquire of the current message's sender.</summary>
    protected void Acquire(long requestId, IActorRef owner, TimeSpan? timeout)
    {
        if (!Validate(requestId, owner, timeout, ownerRequired: _reentrant)) return;
        if (Holder is null)
        {
            Owners.Add(owner);
            Hold(owner, 1);
            Reply(Granted(requestId, 1, FencingToken));
        }
        else if (_reentrant && Holder.Equals(owner))
        {
            CountAcquisition();
            MarkDurableStateChanged();
            Reply(Granted(requestId, ++Depth, FencingToken));
        }
        else if (IsNonBlocking(timeout))
        {
            Reply(NotGranted(requestId));
        }
        else
        {
            Enqueue(_acquirers, requestId, owner, timeout);
        }
    }

    /// <summary>Releases one level of the holder's depth, handing the lock over at zero. Returns the depth left.</summary>
    protected int ReleaseLevel()
    {
        MarkDurableStateChanged();
        var remaining = --Depth;
        if (remaining == 0) ReleaseCompletely();
        return remaining;
    }

    private protected override (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders() => Holder switch
    {
        null => ([], false),
        var holder when OwnerWatch.IsAnonymous(holder) => ([], true),
        var holder => ([holder], false),
    };

    private protected override void PublishGauges(CoordinatorGauges gauges) => gauges.Holders = Holder is null ? 0 : 1;

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        if (!owner.Equals(Holder)) return;
        CountOwnerDeathRelease();
        LoseHold(_hold!, HoldLostReason.OwnerTerminated);
        HandOver();
    }

    private protected override void OnExpired(Waiter waiter)
    {
        if (waiter.Payload is ConditionWait wait) Reacquire(waiter.RequestId, waiter.Owner, waiter.ReplyTo, wait, ConditionProtocol.WakeReason.TimedOut);
        else Send(waiter.ReplyTo, NotGranted(waiter.RequestId));
    }

    private protected override bool CanCancel(Waiter waiter) => waiter.Payload is not Reacquiring;

    private protected override void OnCancelled(Waiter waiter)
    {
        if (waiter.Payload is ConditionWait wait) Reacquire(waiter.RequestId, waiter.Owner, waiter.ReplyTo, wait, ConditionProtocol.WakeReason.Cancelled);
        else base.OnCancelled(waiter);
    }

    private protected override void OnWaiterLeft(Waiter waiter)
    {
        if (waiter.Payload is Reacquiring reacquiring) reacquiring.Queue.Reacquiring--;
    }

    private bool HoldsLock(IActorRef owner) => Holder is not null && Holder.Equals(owner);

    /// <summary>Frees the lock of its holder's hold and hands it over; the hold ends silently unless it was lost first.</summary>
    private void ReleaseCompletely()
    {
        Owners.Remove(Holder!);
        EndHold(_hold);
        HandOver();
    }

    /// <summary>Frees the lock and grants it to the oldest live acquirer, if any.</summary>
    private void HandOver()
    {
        Holder = null;
        _hold = null;
        Depth = 0;
        MarkDurableStateChanged();
        HoldersChanged();
        if (DequeueNext(_acquirers, keepsWatch: true) is not { } next) return;
        if (next.Payload is Reacquiring reacquiring)
        {
            reacquiring.Queue.Reacquiring--;
            Hold(next.Owner, reacquiring.Depth, reacquiring.Watchers);
            Send(next.ReplyTo, new ConditionProtocol.Woken(next.RequestId, reacquiring.Reason, FencingToken));
        }
        else
        {
            Hold(next.Owner, 1);
            Send(next.ReplyTo, Granted(next.RequestId, 1, FencingToken));
        }
    }

    /// <summary>Grants the lock to <paramref name="owner"/> at <paramref name="depth"/>: a new hold with the next fencing token, watched by <paramref name="watchers"/>.</summary>
    private void Hold(IActorRef owner, int depth, IReadOnlyList<IActorRef>? watchers = null)
    {
        Holder = owner;
        Depth = depth;
        FencingToken++;
        _hold = BeginHold(FencingToken, owner);
        foreach (var watcher in watchers ?? []) _hold.AddWatcher(watcher);
        MarkDurableStateChanged();
        HoldersChanged();
        CountAcquisition();
    }
}
