using Actors.Diagnostics;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;
using Akka.Event;

namespace Actors.Coordination;

/// <summary>
/// The holds of a primitive that grants them (a lock, a re-entrant lock, a semaphore): their maximum hold time, kept
/// with the waiters' deadlines under the one timer; the administrative force-release; and the
/// <see cref="CoordinatorProtocol.HoldLost"/> notice to a hold's owner and watchers when the coordinator ends a hold
/// that its holder did not release.
/// </summary>
public abstract partial class Coordinator
{
    /// <summary>How many lost holds a coordinator remembers, for watches and releases that arrive after the loss.</summary>
    private const int LostHoldMemory = 1024;

    private readonly Dictionary<long, HoldLostReason> _lostHolds = new();
    private readonly Queue<long> _lostOrder = new();
    private WaiterQueue? _holdTerms;

    private TimeSpan? _registeredMaxHoldTime;
    private bool _maxHoldTimeRequested;
    private TimeSpan? _requestedMaxHoldTime;

    /// <summary>
    /// The longest a hold may last, or null for no limit: the bound set by <see cref="CoordinatorProtocol.SetMaxHoldTime"/>
    /// (or recovered with the durable state) if there is one, else the registration's (<see cref="WithMaxHoldTime"/>).
    /// </summary>
    private protected TimeSpan? MaxHoldTime => _maxHoldTimeRequested ? _requestedMaxHoldTime : _registeredMaxHoldTime;

    /// <summary>
    /// The bound the durable state keeps: one set by <see cref="CoordinatorProtocol.SetMaxHoldTime"/>, or null. A
    /// registration's bound is configuration, which every incarnation applies again; it is not stored.
    /// </summary>
    private protected TimeSpan? DurableMaxHoldTime => _maxHoldTimeRequested ? _requestedMaxHoldTime : null;

    /// <summary>
    /// Gives this new coordinator the maximum hold time it starts with — a registration's setting, such as
    /// <c>LockOptions.MaxHoldTime</c> — and returns it. A hold that outlasts it is released by the coordinator, its holder
    /// is told <see cref="CoordinatorProtocol.HoldLost"/> (<see cref="HoldLostReason.MaxHoldTimeExceeded"/>) and the next
    /// waiter is granted with a higher fencing token, as after <see cref="CoordinatorProtocol.SetMaxHoldTime"/>.
    /// </summary>
    /// <param name="maxHoldTime">The longest a hold may last; null for no limit.</param>
    /// <remarks>
    /// A bound set later by <see cref="CoordinatorProtocol.SetMaxHoldTime"/> replaces it. A durable host keeps that
    /// request's bound in the primitive's durable state, and a recovered bound wins over this one (a warning is logged
    /// when they differ): the primitive behaves after a restart or a fail-over as it did before. A bound cleared by
    /// request (null) is stored as no bound, so the next incarnation starts with this one again.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxHoldTime"/> is not positive.</exception>
    /// <exception cref="NotSupportedException">The primitive grants no holds (an event, a barrier, a queue).</exception>
    /// <exception cref="InvalidOperationException">The coordinator has a host already.</exception>
    public Coordinator WithMaxHoldTime(TimeSpan? maxHoldTime)
    {
        if (maxHoldTime is { } limit) ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(maxHoldTime));
        if (!GrantsHolds) throw new NotSupportedException($"A {Kind} grants no holds: it has no maximum hold time.");
        if (_host is not null) throw new InvalidOperationException("The maximum hold time a coordinator starts with is given before it is attached.");
        _registeredMaxHoldTime = maxHoldTime;
        return this;
    }

    /// <summary>True for primitives that grant holds; the others reject the hold messages as not supported.</summary>
    private protected virtual bool GrantsHolds => false;

    /// <summary>The hold granted with <paramref name="fencingToken"/>, if it is still held.</summary>
    private protected virtual Hold? FindHold(long fencingToken) => null;

    /// <summary>
    /// Revokes every hold (<see cref="CoordinatorProtocol.ForceRelease"/>): each through <see cref="LoseHold"/>, then
    /// the waiters are granted. Returns how many holds were revoked.
    /// </summary>
    private protected virtual int RevokeAllHolds() => 0;

    /// <summary>
    /// Releases <paramref name="hold"/>, whose maximum hold time has passed, through <see cref="LoseHold"/>, and grants
    /// waiters. Called only for a hold that is still held: a hold released earlier has ended its term.
    /// </summary>
    private protected virtual void OnHoldTimeExpired(Hold hold)
    {
    }

    /// <summary>
    /// The props of a plain in-process actor hosting a coordinator that <paramref name="behavior"/> makes, a new one per
    /// incarnation (as <c>ActorLock.Props()</c> is for a lock's own behaviour): for a behaviour prepared before it starts,
    /// such as <c>() =&gt; ActorLock.Behavior().WithMaxHoldTime(limit)</c>.
    /// </summary>
    public static Props PropsOf(Func<Coordinator> behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        return CoordinatorActor.PropsFor(behavior);
    }

    /// <summary>
    /// Takes over a maximum hold time recovered with the durable state (none: the registration's applies); holds restored
    /// afterwards get a fresh term.
    /// </summary>
    private protected void RestoreMaxHoldTime(TimeSpan? maxHoldTime)
    {
        _requestedMaxHoldTime = maxHoldTime is { } t && t > TimeSpan.Zero ? t : null;
        _maxHoldTimeRequested = _requestedMaxHoldTime is not null;
    }

    /// <summary>Warns, once recovered, when the durable state's bound overrides a different registered one.</summary>
    private void WarnOfOverriddenMaxHoldTime()
    {
        if (_maxHoldTimeRequested && _registeredMaxHoldTime is { } registered && _requestedMaxHoldTime != registered)
            Context.GetLogger().Warning(
                "{0} keeps the maximum hold time {1} recovered from its durable state (set by SetMaxHoldTime) rather than the registered {2}; "
                + "send SetMaxHoldTime to change it.", Self.Path.Name, _requestedMaxHoldTime?.ToString() ?? "none", registered);
    }

    /// <summary>Starts a hold of <paramref name="owner"/> with <paramref name="fencingToken"/>, and its term if there is a maximum hold time.</summary>
    private protected Hold BeginHold(long fencingToken, IActorRef owner)
    {
        var hold = new Hold(fencingToken, owner);
        if (MaxHoldTime is not { } limit) return hold;
        var term = new Waiter(fencingToken, owner, ActorRefs.Nobody, MonotonicClock.DeadlineAfter(limit), hold, isHoldTerm: true);
        _waiters.AddHoldTerm(_holdTerms ??= _waiters.NewHoldTermQueue(), term);
        hold.Term = term;
        if (term.Deadline < _timerDeadline) ScheduleTimer(term.Deadline);
        return hold;
    }

    /// <summary>Ends <paramref name="hold"/> silently: its holder released it. Its term, if any, is dropped.</summary>
    private protected void EndHold(Hold? hold)
    {
        if (hold?.Term is { IsWaiting: true } term) _waiters.Remove(term);
    }

    /// <summary>
    /// Ends <paramref name="hold"/> because the coordinator released it: the owner (if named and still alive) and the
    /// watchers are told <see cref="CoordinatorProtocol.HoldLost"/>, and a revocation is counted.
    /// </summary>
    private protected void LoseHold(Hold hold, HoldLostReason reason)
    {
        EndHold(hold);
        RememberLost(hold.FencingToken, reason);
        if (reason == HoldLostReason.ForceReleased) Count(ref _counters.ForcedReleases, _metrics.ForcedReleases);
        var lost = new CoordinatorProtocol.HoldLost(hold.FencingToken, reason);
        var ownerAlive = reason != HoldLostReason.OwnerTerminated && !OwnerWatch.IsAnonymous(hold.Owner);
        if (ownerAlive) Send(hold.Owner, lost);
        foreach (var watcher in hold.Watchers ?? [])
            if (!ownerAlive || !watcher.Equals(hold.Owner)) Send(watcher, lost);
    }

    /// <summary>
    /// Whether the coordinator itself ended the hold of <paramref name="fencingToken"/> (one of the last
    /// <see cref="LostHoldMemory"/> so ended); forgets it, for its holder's late release comes once.
    /// </summary>
    private protected bool ForgetLostHold(long fencingToken)
    {
        if (!_lostHolds.Remove(fencingToken)) return false;
        if (_lostHolds.Count == 0) _lostOrder.Clear();
        return true;
    }

    private void RememberLost(long fencingToken, HoldLostReason reason)
    {
        if (!_lostHolds.TryAdd(fencingToken, reason)) return;
        _lostOrder.Enqueue(fencingToken);
        if (_lostOrder.Count > LostHoldMemory) _lostHolds.Remove(_lostOrder.Dequeue());
    }

    private void HoldTermExpired(Waiter term)
    {
        Count(ref _counters.HoldTimeExpiries, _metrics.HoldTimeExpiries);
        OnHoldTimeExpired((Hold)term.Payload!);
    }

    private bool HandleHoldMessage(object message)
    {
        switch (message)
        {
            case CoordinatorProtocol.WatchHold watch:
                OnWatchHold(watch);
                return true;
            case CoordinatorProtocol.ForceRelease force:
                if (RefuseWithoutHolds(force.RequestId)) return true;
                Reply(new CoordinatorProtocol.ForceReleased(force.RequestId, RevokeAllHolds()));
                return true;
            case CoordinatorProtocol.SetMaxHoldTime set:
                OnSetMaxHoldTime(set);
                return true;
            default:
                return false;
        }
    }

    private void OnWatchHold(CoordinatorProtocol.WatchHold watch)
    {
        if (RefuseWithoutHolds(0)) return;
        if (watch.Watcher is null)
        {
            Reject(0, RejectionReason.InvalidArgument, "The watch names no watcher.");
            return;
        }

        if (FindHold(watch.FencingToken) is { } hold)
        {
            hold.AddWatcher(watch.Watcher);
            Send(watch.Watcher, new CoordinatorProtocol.HoldWatched(watch.FencingToken));
        }
        else
        {
            // A watch that comes after the loss (a lease watches when its token is first asked for) hears the real reason.
            var reason = _lostHolds.GetValueOrDefault(watch.FencingToken, HoldLostReason.NotHeld);
            Send(watch.Watcher, new CoordinatorProtocol.HoldLost(watch.FencingToken, reason));
        }
    }

    private void OnSetMaxHoldTime(CoordinatorProtocol.SetMaxHoldTime set)
    {
        if (RefuseWithoutHolds(set.RequestId)) return;
        if (set.MaxHoldTime is { } limit && limit <= TimeSpan.Zero)
        {
            Reject(set.RequestId, RejectionReason.InvalidArgument, $"The maximum hold time must be positive (or null for none), not {limit}.");
            return;
        }

        (_maxHoldTimeRequested, _requestedMaxHoldTime) = (true, set.MaxHoldTime);
        MarkDurableStateChanged();
        Reply(new CoordinatorProtocol.MaxHoldTimeSet(set.RequestId, MaxHoldTime));
    }

    private bool RefuseWithoutHolds(long requestId) =>
        !GrantsHolds && !Reject(requestId, RejectionReason.NotSupported, $"A {Kind} grants no holds: nothing to watch, bound or release.");
}
