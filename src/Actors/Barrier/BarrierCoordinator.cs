using Actors.Coordination;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Barrier;

/// <summary>
/// Holds the state of one barrier: the FIFO of arrivals for the round now filling, whether the barrier is broken,
/// the number of completed rounds, and the completed round whose action is running, if any.
/// </summary>
/// <remarks>
/// Arrivals are ordinary waiters of the base class, so timeouts, cancellation and owner death need no code of their
/// own here: a cancelled or orphaned arrival simply leaves the queue, and an expired one breaks the barrier
/// (<see cref="OnExpired"/>). Indices are handed out only when a round completes, so they are always
/// <c>0 .. parties - 1</c> however many arrivals were withdrawn. A completed round leaves the queue at once; while its
/// action runs (off the actor, its outcome piped back as <see cref="ActionOutcome"/>), new arrivals queue for the next
/// round, and nothing that happens to the barrier can reach the completed round any more except its own action failing.
/// </remarks>
internal sealed class BarrierCoordinator : Coordinator
{
    private readonly int _parties;
    private readonly Func<Task>? _action;
    private readonly TimeSpan? _defaultTimeout;
    private readonly WaiterQueue _arrivals;
    private Releasing? _releasing;
    private bool _broken;
    private long _completedRounds;

    public BarrierCoordinator(int parties, Func<Task>? action, TimeSpan? defaultTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        if (!Timeouts.IsValid(defaultTimeout))
            throw new ArgumentOutOfRangeException(nameof(defaultTimeout), defaultTimeout, Timeouts.InvalidMessage);
        _parties = parties;
        _action = action;
        _defaultTimeout = Timeouts.Normalize(defaultTimeout);
        _arrivals = NewQueue();
    }

    private protected override CoordinatorProtocol.Statistics DescribeStatistics(CoordinatorProtocol.Statistics statistics) =>
        statistics with { Round = _completedRounds };

    private protected override bool Handle(object message)
    {
        switch (message)
        {
            case BarrierProtocol.Wait wait:
                OnWait(wait);
                return true;
            case ActionOutcome outcome:
                OnActionOutcome(outcome);
                return true;
            case BarrierProtocol.Abort abort:
                Break();
                Reply(new BarrierProtocol.Aborted(abort.RequestId));
                return true;
            case BarrierProtocol.Reset reset:
                Break();
                _broken = false;
                MarkDurableStateChanged();
                Reply(new BarrierProtocol.WasReset(reset.RequestId));
                return true;
            case BarrierProtocol.GetState get:
                Reply(new BarrierProtocol.BarrierState(get.RequestId, _parties, _arrivals.Count, _broken, _completedRounds, _releasing is not null));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A timed-out arrival breaks the barrier for everyone, itself included (Python's <c>wait(timeout)</c>).</summary>
    private protected override void OnExpired(Waiter waiter)
    {
        Send(waiter.ReplyTo, new BarrierProtocol.Broken(waiter.RequestId));
        Break();
    }

    private protected override void OnOwnerTerminated(IActorRef owner)
    {
        // A barrier holds nothing for its parties; the base has withdrawn the dead owner's arrivals.
    }

    private protected override void OnStopping()
    {
        if (_releasing is { } releasing)
        {
            _releasing = null;
            foreach (var party in releasing.Parties)
                Send(party.ReplyTo, new CoordinatorProtocol.Rejected(party.RequestId, RejectionReason.CoordinatorStopped,
                    "The coordinator was stopped while the round's action was running."));
        }

        base.OnStopping();
    }

    private void OnWait(BarrierProtocol.Wait wait)
    {
        if (!Validate(wait.RequestId, wait.Owner, wait.Timeout)) return;
        if (_broken)
        {
            Reply(new BarrierProtocol.Broken(wait.RequestId));
            return;
        }

        var timeout = wait.Timeout ?? _defaultTimeout;
        var completesRound = _releasing is null && _arrivals.Count + 1 >= _parties;
        if (completesRound)
        {
            // The arrival leaves the queue again at once; a zero timeout must not expire it on the way.
            timeout = null;
        }
        else if (IsNonBlocking(timeout))
        {
            // Python's wait(0) that does not complete the round times out at once, and a time-out breaks the barrier.
            Break();
            Reply(new BarrierProtocol.Broken(wait.RequestId));
            return;
        }

        if (Enqueue(_arrivals, wait.RequestId, wait.Owner, timeout) is null) return;
        CompleteRounds();
    }

    private protected override IDurableState DescribeDurableState() => new BarrierDurableState(_broken, _completedRounds);

    private protected override void ApplyDurableState(IDurableState state)
    {
        if (state is not BarrierDurableState(var broken, var rounds)) throw ForeignState(state);
        if (rounds < 0) throw ForeignState(state, $"{rounds} completed rounds is impossible");
        (_broken, _completedRounds) = (broken, rounds);
    }

    /// <summary>Completes rounds while enough parties wait and no action runs.</summary>
    private void CompleteRounds()
    {
        while (_releasing is null && !_broken && _arrivals.Count >= _parties) CompleteRound();
    }

    private void CompleteRound()
    {
        var parties = new List<Waiter>(_parties);
        while (parties.Count < _parties && DequeueNext(_arrivals, keepsWatch: false) is { } party) parties.Add(party);
        if (parties.Count < _parties)
        {
            // An arrival's deadline had passed before its timer fired: it timed out before the round completed, which
            // breaks the barrier for everyone (its own answer comes from OnExpired once this message is handled).
            Break();
            foreach (var party in parties) Send(party.ReplyTo, new BarrierProtocol.Broken(party.RequestId));
            return;
        }

        var round = _completedRounds++;
        MarkDurableStateChanged();
        if (_action is null)
        {
            Release(parties, round);
            return;
        }

        _releasing = new Releasing(parties, round);
        var action = _action;
        Task.Run(() => RunActionAsync(action, round)).PipeTo(Self);
    }

    private void OnActionOutcome(ActionOutcome outcome)
    {
        if (_releasing is not { } releasing || releasing.Round != outcome.Round) return;
        _releasing = null;
        if (outcome.Error is null)
        {
            Release(releasing.Parties, releasing.Round);
        }
        else
        {
            // Python: the action's exception breaks the barrier and is raised in the thread that completed the round.
            var completing = releasing.Parties[^1];
            foreach (var party in releasing.Parties)
                Send(party.ReplyTo, party == completing
                    ? new BarrierProtocol.ActionFailed(party.RequestId, outcome.Error)
                    : new BarrierProtocol.Broken(party.RequestId));
            Break();
        }

        CompleteRounds();
    }

    private void Release(List<Waiter> parties, long round)
    {
        for (var index = 0; index < parties.Count; index++)
        {
            CountAcquisition();
            Send(parties[index].ReplyTo, new BarrierProtocol.Passed(parties[index].RequestId, index, round));
        }
    }

    /// <summary>Breaks the barrier and answers every queued arrival with <see cref="BarrierProtocol.Broken"/>.</summary>
    private void Break()
    {
        if (!_broken) MarkDurableStateChanged();
        _broken = true;
        while (DequeueNext(_arrivals, keepsWatch: false) is { } party) Send(party.ReplyTo, new BarrierProtocol.Broken(party.RequestId));
    }

    /// <summary>Runs the action off the actor and turns its outcome into a message; never throws.</summary>
    private static async Task<ActionOutcome> RunActionAsync(Func<Task> action, long round)
    {
        try
        {
            await action().ConfigureAwait(false);
            return new ActionOutcome(round, null);
        }
        catch (Exception error)
        {
            return new ActionOutcome(round, error);
        }
    }

    /// <summary>A completed round whose action is running; its parties are answered when the action ends.</summary>
    private sealed record Releasing(List<Waiter> Parties, long Round);

    /// <summary>How a round's action ended, piped back to the coordinator.</summary>
    private sealed record ActionOutcome(long Round, Exception? Error);
}
