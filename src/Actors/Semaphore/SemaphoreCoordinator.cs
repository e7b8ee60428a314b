using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Actors.Coordination;
using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>
/// Holds the state of one semaphore: free permits, permits per owner, one <see cref="Hold"/> per permit out (its
/// fencing token, maximum hold time and watchers) and the FIFO of waiters.
/// </summary>
internal sealed class SemaphoreCoordinator : Coordinator
{
    private readonly WaiterQueue _waiters;
    private readonly Dictionary<IActorRef, int> _heldBy = new();
    private readonly int? _bound;
    private readonly PermitHolds _holds = new();
    private long _fencingToken;
    private int _value;
    private int _heldByOwners;
    private int _outstanding;

    public SemaphoreCoordinator(int initialValue, bool bounded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        _value = initialValue;
        _bound = bounded ? initialValue : null;
        _waiters = NewQueue();
        ReportWaitsFor(_waiters, bounded ? "BoundedSemaphore" : "Semaphore");
    }

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case SemaphoreProtocol.Acquire acquire:
                OnAcquire(acquire);
                return true;
            case SemaphoreProtocol.Release release:
                OnRelease(release);
                return true;
            case SemaphoreProtocol.GetState get:
                Reply(new SemaphoreProtocol.SemaphoreState(get.RequestId, _value, _bound, _heldByOwners, _waiters.Count));
                return true;
            default:
                return false;
        }
    }

    private protected override (IReadOnlyList<IActorRef> Named, bool Anonymous) CurrentHolders() =>
        ([.. _heldBy.Keys], _outstanding > _heldByOwners);

    private protected override void PublishGauges(CoordinatorGauges gauges) => gauges.Holders = _outstanding;

    private protected override void OnExpired(Waiter waiter) => Send(waiter.ReplyTo, new SemaphoreProtocol.NotAcquired(waiter.RequestId));

    private protected override bool GrantsHolds => true;

    private protected override Hold? FindHold(long fencingToken) => _holds.Find(fencingToken);

    private protected override int RevokeAllHolds()
    {
        var revoked = _holds.TakeAll();
        foreach (var hold in revoked) LoseHold(hold, HoldLostReason.ForceReleased);
        foreach (var (owner, count) in _heldBy) Owners.Remove(owner, count);
        _heldBy.Clear();
        _value += _outstanding;
        _outstanding = 0;
        _heldByOwners = 0;
        MarkDurableStateChanged();
        HoldersChanged();
        GrantWhilePermitsLeft();
        return revoked.Count;
    }

    private protected override void OnHoldTimeExpired(Hold hold)
    {
        LoseHold(hold, HoldLostReason.MaxHoldTimeExceeded);
        ReleaseHold(hold);
    }

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        if (!_heldBy.Remove(owner, out var held)) return;
        CountOwnerDeathRelease();
        foreach (var hold in _holds.TakeAllOf(owner)) LoseHold(hold, HoldLostReason.OwnerTerminated);
        _heldByOwners -= held;
        _outstanding -= held;
        _value += held;
        MarkDurableStateChanged();
        HoldersChanged();
        GrantWhilePermitsLeft();
    }

    private void OnAcquire(SemaphoreProtocol.Acquire acquire)
    {
        if (!Validate(acquire.RequestId, acquire.Owner, acquire.Timeout)) return;
        if (_value > 0)
        {
            Owners.Add(acquire.Owner);
            Reply(new SemaphoreProtocol.Acquired(acquire.RequestId, Grant(acquire.Owner)));
        }
        else if (IsNonBlocking(acquire.Timeout))
        {
            Reply(new SemaphoreProtocol.NotAcquired(acquire.RequestId));
        }
        else
        {
            Enqueue(_waiters, acquire.RequestId, acquire.Owner, acquire.Timeout);
        }
    }

    private void OnRelease(SemaphoreProtocol.Release release)
    {
        if (release.Owner is null)
        {
            Reject(release.RequestId, RejectionReason.InvalidArgument, "The release names no owner; use ActorRefs.Nobody for the anonymous owner.");
            return;
        }

        if (release.Count < 1 || (release.FencingToken is not null && release.Count != 1))
        {
            Reject(release.RequestId, RejectionReason.InvalidArgument, $"The count must be at least 1 (exactly 1 with a fencing token), not {release.Count}.");
            return;
        }

        if (release.FencingToken is { } token && _holds.Find(token) is { } hold)
        {
            ReleaseHold(hold);
            Reply(new SemaphoreProtocol.Released(release.RequestId, _value));
            return;
        }

        if (release.FencingToken is { } stale && ForgetLostHold(stale))
        {
            Reject(release.RequestId, RejectionReason.NotHeld, $"The grant with fencing token {stale} no longer holds a permit.");
            return;
        }

        if (_bound is { } bound && (long)_value + release.Count > bound)
        {
            Reject(release.RequestId, RejectionReason.Full, $"Releasing {release.Count} would raise the bounded semaphore above its initial value {bound}.");
            return;
        }

        if ((long)_value + release.Count > int.MaxValue)
        {
            Reject(release.RequestId, RejectionReason.InvalidArgument,
                $"Releasing {release.Count} would raise the semaphore's {_value} free permits above {int.MaxValue}, the most it can count.");
            return;
        }

        Debit(release.Owner, release.Count);
        MarkDurableStateChanged();
        HoldersChanged();
        _value += release.Count;
        GrantWhilePermitsLeft();
        Reply(new SemaphoreProtocol.Released(release.RequestId, _value));
    }

    private protected override IDurableState DescribeDurableState() =>
        new SemaphoreDurableState(_value, _outstanding - _heldByOwners, _heldBy.ToImmutableDictionary())
        {
            FencingToken = _fencingToken,
            MaxHoldTime = DurableMaxHoldTime,
        };

    /// <summary>
    /// Takes over recovered permits, holders, the latest fencing token and the maximum hold time; the holders are
    /// watched again, and each permit out gets a hold with a fresh term and a new fencing token. A release naming a
    /// token from before the recovery (a lease that outlived the old incarnation) is not found and so is taken as a
    /// release by its owner.
    /// Waiters are not recovered.
    /// </summary>
    private protected override void ApplyDurableState(IDurableState state)
    {
        if (state is not SemaphoreDurableState(var value, var anonymous, var heldBy)) throw ForeignState(state);
        var named = 0L;
        foreach (var (owner, count) in heldBy ?? ImmutableDictionary<IActorRef, int>.Empty)
        {
            if (owner is null || OwnerWatch.IsAnonymous(owner) || count < 1) throw ForeignState(state, "a holder is missing, anonymous or holds no permit");
            named += count;
        }

        if (value < 0 || anonymous < 0 || (_bound is { } bound && value + named + anonymous > bound))
            throw ForeignState(state, $"{value} free and {named + anonymous} held permits do not fit this semaphore");
        foreach (var owner in _heldBy.Keys) Owners.Remove(owner, _heldBy[owner]);
        _heldBy.Clear();
        foreach (var (owner, count) in heldBy!)
        {
            _heldBy[owner] = count;
            Owners.Add(owner, count);
        }

        _value = value;
        _heldByOwners = (int)named;
        _outstanding = (int)(named + anonymous);
        RestoreHolds((SemaphoreDurableState)state);
    }

    private void RestoreHolds(SemaphoreDurableState state)
    {
        EndHolds(_holds.TakeAll());
        RestoreMaxHoldTime(state.MaxHoldTime);
        _fencingToken = Math.Max(state.FencingToken, _fencingToken);
        for (var i = 0; i < state.HeldAnonymously; i++) _holds.Add(BeginHold(++_fencingToken, ActorRefs.Nobody));
        foreach (var (owner, count) in _heldBy)
            for (var i = 0; i < count; i++) _holds.Add(BeginHold(++_fencingToken, owner));
    }

    private void GrantWhilePermitsLeft()
    {
        while (_value > 0 && DequeueNext(_waiters, keepsWatch: true) is { } next)
            Send(next.ReplyTo, new SemaphoreProtocol.Acquired(next.RequestId, Grant(next.Owner)));
    }

    /// <summary>Gives one free permit to <paramref name="owner"/> (already watched); returns its fencing token.</summary>
    private long Grant(IActorRef owner)
    {
        _value--;
        _outstanding++;
        MarkDurableStateChanged();
        AddHeld(owner, 1);
        HoldersChanged();
        _holds.Add(BeginHold(++_fencingToken, owner));
        return _fencingToken;
    }

    /// <summary>Returns the one permit of <paramref name="hold"/>, whoever holds it, and grants it to the next waiter.</summary>
    private void ReleaseHold(Hold hold)
    {
        _holds.Remove(hold);
        EndHold(hold);
        if (!OwnerWatch.IsAnonymous(hold.Owner)) DebitOwner(hold.Owner, 1, endHolds: false);
        _outstanding--;
        _value++;
        MarkDurableStateChanged();
        HoldersChanged();
        GrantWhilePermitsLeft();
    }

    private void EndHolds(List<Hold> holds)
    {
        foreach (var hold in holds) EndHold(hold);
    }

    private void AddHeld(IActorRef owner, int count)
    {
        CountAcquisition();
        if (OwnerWatch.IsAnonymous(owner)) return;
        CollectionsMarshal.GetValueRefOrAddDefault(_heldBy, owner, out _) += count;
        _heldByOwners += count;
    }

    /// <summary>
    /// Accounts for <paramref name="count"/> released permits: first those of <paramref name="releaser"/>, then permits
    /// held anonymously, then those of other owners (Python lets anyone release). Charging someone keeps the permits
    /// recorded per owner within the permits really out, so an owner's later death can never return a permit twice.
    /// A release beyond every permit out (an unbounded semaphore growing, as Python allows) charges nobody.
    /// </summary>
    private void Debit(IActorRef releaser, int count)
    {
        var own = DebitOwner(releaser, count);
        _outstanding -= own;
        var anonymous = Math.Min(count - own, _outstanding - _heldByOwners);
        _outstanding -= anonymous;
        EndHolds(_holds.TakeOldest(ActorRefs.Nobody, anonymous));
        var left = count - own - anonymous;
        while (left > 0 && _heldByOwners > 0)
        {
            var charged = DebitOwner(_heldBy.Keys.First(), left);
            _outstanding -= charged;
            left -= charged;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> permits off what <paramref name="owner"/> holds, with its oldest holds unless
    /// <paramref name="endHolds"/> is false (the caller ends a hold of its own choice); returns how many.
    /// </summary>
    private int DebitOwner(IActorRef owner, int count, bool endHolds = true)
    {
        if (OwnerWatch.IsAnonymous(owner) || !_heldBy.TryGetValue(owner, out var held)) return 0;
        var debited = Math.Min(held, count);
        if (held == debited) _heldBy.Remove(owner); else _heldBy[owner] = held - debited;
        _heldByOwners -= debited;
        Owners.Remove(owner, debited);
        if (endHolds) EndHolds(_holds.TakeOldest(owner, debited));
        return debited;
    }
}
