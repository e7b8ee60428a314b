using System.Collections.Immutable;
using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// The durable form of a queue: what it journals (<see cref="QueueDurableEvents"/>), its snapshot
/// (<see cref="QueueDurableState"/>), how both are replayed, and the deliveries that await their getters' confirmation.
/// A queue in one process (no confirmation time) records nothing and confirms nothing.
/// </summary>
internal sealed partial class QueueCoordinator
{
    private readonly TimeSpan? _confirmWithin;

    /// <summary>Null for a queue in one process, which keeps no deliveries (nor the memory for them).</summary>
    private readonly UnconfirmedDeliveries? _deliveries;
    private long _confirmationTimerDeadline = MonotonicClock.Never;

    /// <summary>Whether the queue journals events and keeps deliveries until they are confirmed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_deliveries))]
    private bool IsDurable => _deliveries is not null;

    private int AwaitingConfirmation => _deliveries?.Count ?? 0;

    private protected override long DurableStateWeight => _items.Count + AwaitingConfirmation + 1;

    private protected override int WeightOf(IDurableEvent durableEvent) => Math.Max(1, durableEvent switch
    {
        QueueDurableEvents.ItemsPut put => put.Items.Count,
        QueueDurableEvents.ItemsTaken taken => taken.Sequences.Count,
        QueueDurableEvents.DeliveriesConfirmed confirmed => confirmed.Sequences.Count,
        _ => 1,
    });

    private protected override IDurableState DescribeDurableState()
    {
        if (!IsDurable) return base.DescribeDurableState();
        var items = new object?[_items.Count];
        var sequences = new long[items.Length];
        for (var index = 0; index < items.Length; index++) (items[index], sequences[index]) = _items[index];
        var deliveries = _deliveries.All.ToList();
        return new QueueDurableState(items, sequences, deliveries.Select(d => d.Entry.Item).ToArray(), deliveries.Select(d => d.Entry.Sequence).ToArray(),
            deliveries.Select(d => d.Getter).ToImmutableList(), _nextSequence, _unfinished, _isShutDown, _discardsReturns);
    }

    private protected override void ApplyDurableState(IDurableState state)
    {
        if (!IsDurable) base.ApplyDurableState(state);
        if (state is not QueueDurableState queue) throw ForeignState(state);
        if (queue.Items.Count != queue.Sequences.Count || queue.UnconfirmedItems.Count != queue.UnconfirmedSequences.Count
            || queue.UnconfirmedItems.Count != queue.UnconfirmedGetters.Count)
            throw ForeignState(state, "its lists of items, sequences and getters differ in length");
        if (_items.Count > 0 || _nextSequence > 0) throw ForeignState(state, "the queue is not new");
        for (var index = 0; index < queue.Items.Count; index++) _items.Add(new QueueEntry(queue.Items[index], queue.Sequences[index]));
        for (var index = 0; index < queue.UnconfirmedItems.Count; index++)
            Delivered(new QueueEntry(queue.UnconfirmedItems[index], queue.UnconfirmedSequences[index]), queue.UnconfirmedGetters[index]);
        (_nextSequence, _unfinished, _isShutDown, _discardsReturns) = (queue.LastSequence, queue.Unfinished, queue.IsShutDown, queue.DiscardsReturns);
    }

    private protected override void ReplayDurableEvent(IDurableEvent durableEvent)
    {
        if (!IsDurable) base.ReplayDurableEvent(durableEvent);
        switch (durableEvent)
        {
            case QueueDurableEvents.ItemsPut put:
                if (put.FirstSequence != _nextSequence + 1) throw ForeignEvent(durableEvent, $"it puts sequence {put.FirstSequence} after {_nextSequence}");
                for (var index = 0; index < put.Items.Count; index++)
                {
                    _items.Add(new QueueEntry(put.Items[index], put.FirstSequence + index));
                    CountPut(put.FirstSequence + index);
                }

                break;
            case QueueDurableEvents.ItemsTaken taken:
                foreach (var sequence in taken.Sequences)
                {
                    var entry = _items.Count > 0 ? _items.Take() : throw ForeignEvent(durableEvent, "the queue is empty");
                    if (entry.Sequence != sequence) throw ForeignEvent(durableEvent, $"the next item is sequence {entry.Sequence}, not {sequence}");
                    Delivered(entry, taken.Getter);
                }

                break;
            case QueueDurableEvents.DeliveriesConfirmed confirmed:
                foreach (var sequence in confirmed.Sequences) ForgetDelivery(sequence);
                break;
            case QueueDurableEvents.ItemReturned returned:
                if (PutBack(new QueueEntry(returned.Item, returned.Sequence)) is { } error) throw ForeignEvent(durableEvent, error);
                break;
            case QueueDurableEvents.TasksDone done:
                FinishTasks(done.Count);
                break;
            case QueueDurableEvents.ShutDown shutDown:
                ShutDown(shutDown.Immediate);
                break;
            default:
                throw ForeignEvent(durableEvent);
        }
    }

    private ArgumentException ForeignEvent(IDurableEvent durableEvent, string? why = null) =>
        new($"A {Kind} coordinator cannot replay {durableEvent}{(why is null ? "" : ": " + why)}.", nameof(durableEvent));

    /// <summary>Records <paramref name="durableEvent"/> for the host to journal, if the queue is durable.</summary>
    private void Journal(IDurableEvent durableEvent)
    {
        if (IsDurable) RecordDurableEvent(durableEvent);
    }

    /// <summary>Journals the first <paramref name="count"/> of <paramref name="items"/>, put from <paramref name="firstSequence"/> on.</summary>
    private void JournalPut(long firstSequence, IReadOnlyList<object?> items, int count)
    {
        if (!IsDurable || count == 0) return;
        RecordDurableEvent(new QueueDurableEvents.ItemsPut(firstSequence, count == items.Count ? items : items.Take(count).ToArray()));
    }

    /// <summary>Items taken for <paramref name="getter"/>: a durable queue journals them and keeps them until the getter confirms.</summary>
    private void Delivered(object?[] items, long[] sequences, IActorRef getter)
    {
        if (!IsDurable) return;
        for (var index = 0; index < items.Length; index++) Delivered(new QueueEntry(items[index], sequences[index]), getter);
        RecordDurableEvent(new QueueDurableEvents.ItemsTaken(sequences, getter));
    }

    /// <summary>Keeps <paramref name="entry"/> as a delivery to <paramref name="getter"/> awaiting confirmation, watching the getter.</summary>
    private void Delivered(QueueEntry entry, IActorRef getter)
    {
        if (!IsDurable) return;
        _deliveries.Add(entry, getter, MonotonicClock.DeadlineAfter(_confirmWithin));
        Owners.Add(getter);
        ArmConfirmationTimer();
    }

    /// <summary>Ends the delivery of <paramref name="sequence"/>, if one awaits confirmation; true if one did.</summary>
    private bool ForgetDelivery(long sequence)
    {
        if (!IsDurable || !_deliveries.TryRemove(sequence, out var delivery)) return false;
        Owners.Remove(delivery.Getter);
        return true;
    }

    /// <summary>
    /// A getter confirms that items reached it: they are out for good. Sequences that await no confirmation (confirmed
    /// already, put back after a timeout, or of a queue that does not confirm) are ignored.
    /// </summary>
    private void OnConfirmDelivery(QueueProtocol.ConfirmDelivery confirm)
    {
        if (confirm.Sequences is null)
        {
            Reject(confirm.RequestId, RejectionReason.InvalidArgument, "The request carries no list of sequences.");
            return;
        }

        var confirmed = confirm.Sequences.Where(ForgetDelivery).ToArray();
        if (confirmed.Length > 0) Journal(new QueueDurableEvents.DeliveriesConfirmed(confirmed));
        Reply(new QueueProtocol.DeliveryConfirmed(confirm.RequestId, confirmed.Length));
    }

    /// <summary>Deliveries whose getters did not confirm in time go back to their places.</summary>
    private void OnConfirmationDue()
    {
        _confirmationTimerDeadline = MonotonicClock.Never;
        var now = MonotonicClock.Now;
        while (_deliveries?.TakeExpired(now) is { } expired)
        {
            Owners.Remove(expired.Getter);
            PutBack(expired.Entry);
        }

        Balance();
        ArmConfirmationTimer();
    }

    /// <summary>The unconfirmed deliveries to an owner that terminated go back to their places.</summary>
    private void PutBackDeliveriesOf(IActorRef owner)
    {
        if (AwaitingConfirmation == 0) return;
        foreach (var delivery in _deliveries!.Of(owner)) PutBack(delivery.Entry);
    }

    private void ArmConfirmationTimer()
    {
        if (_deliveries?.NextDeadline is not { } next || next >= _confirmationTimerDeadline) return;
        _confirmationTimerDeadline = next;
        Timers.StartSingleTimer(ConfirmationDue.Instance, ConfirmationDue.Instance, MonotonicClock.Until(next));
    }

    /// <summary>Time to put back the deliveries whose confirmation is overdue.</summary>
    private sealed class ConfirmationDue
    {
        public static readonly ConfirmationDue Instance = new();
    }
}
