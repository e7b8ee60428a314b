using Actors.Internal;
using Actors.Threads;
using Akka.Actor;

namespace Actors.Timer;

/// <summary>
/// A thread's coordinator that launches the body (the timer's function) only when the interval has passed, on an actor
/// timer, unless a cancel came first. Whether the timer fired is decided here, once, and published to the facade.
/// </summary>
/// <remarks>
/// "Before it fires" means before this actor handles its own fire message: a cancel that the actor handles first, or
/// that the facade has recorded by then, prevents the call, however close to the deadline it arrives; one handled
/// after it finds the timer fired. A far
/// interval is approached in steps of at most an hour, as the base class does for deadlines.
/// </remarks>
internal sealed class TimerCoordinator : ThreadCoordinator
{
    private readonly TimeSpan _interval;
    private readonly TaskCompletionSource<bool> _fired;
    private readonly Func<bool> _cancelRequested;
    private long _deadline;
    private bool _cancelled;

    public TimerCoordinator(ActorThread thread, long ident, bool daemon, IActorRef registry, ThreadLifetime lifetime, TimeSpan interval,
        TaskCompletionSource<bool> fired, Func<bool> cancelRequested)
        : base(thread, ident, daemon, registry, lifetime)
    {
        _interval = interval;
        _fired = fired;
        _cancelRequested = cancelRequested;
    }

    private bool HasFired => _fired.Task.IsCompleted && _fired.Task.Result;

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case Fire:
                OnFire();
                return true;
            case TimerProtocol.Cancel cancel:
                if (HasFired)
                {
                    Reply(new TimerProtocol.AlreadyFired(cancel.RequestId));
                    return true;
                }

                CancelFiring();
                Reply(new TimerProtocol.WasCancelled(cancel.RequestId));
                return true;
            default:
                return base.Handle(message);
        }
    }

    protected override void OnLaunch()
    {
        _deadline = MonotonicClock.DeadlineAfter(_interval);
        Arm();
    }

    /// <summary>A daemon timer abandoned at shutdown before it fired never fires, as Python's killed timer thread never calls.</summary>
    protected override void OnAbandoned()
    {
        if (!HasFired) CancelFiring();
    }

    private protected override void OnStopping()
    {
        // Stopped before firing (the system is terminating): it never will.
        _fired.TrySetResult(false);
        base.OnStopping();
    }

    private void OnFire()
    {
        if (_cancelled || HasFired) return;
        if (MonotonicClock.Until(_deadline) > TimeSpan.Zero)
        {
            Arm();
            return;
        }

        // A cancel requested before this moment wins, even if its message has not arrived yet (it may be sent only once
        // Start has published this actor): the facade has already promised the caller that the timer never fires.
        if (_cancelRequested())
        {
            CancelFiring();
            return;
        }

        _fired.TrySetResult(true);
        LaunchBody();
    }

    private void CancelFiring()
    {
        if (_cancelled) return;
        _cancelled = true;
        Timers.Cancel(Fire.Instance);
        _fired.TrySetResult(false);
        Finish();
    }

    private void Arm()
    {
        Timers.StartSingleTimer(Fire.Instance, Fire.Instance, LongTimer.NextStep(_deadline));
    }

    /// <summary>The timer's own tick; also its timer key.</summary>
    private sealed class Fire
    {
        public static readonly Fire Instance = new();
    }
}
