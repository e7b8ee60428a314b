using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// The items a durable queue delivered whose getters have not confirmed receipt yet, by sequence, with the getter's
/// owner and a deadline: an item whose getter dies or stays silent past its deadline goes back to its place.
/// </summary>
internal sealed class UnconfirmedDeliveries
{
    private readonly Dictionary<long, Delivery> _bySequence = new();
    private readonly Queue<(long Sequence, long Deadline)> _byDeadline = new();

    public int Count => _bySequence.Count;

    /// <summary>The deliveries, in no particular order: each goes back to its place by its sequence.</summary>
    public IEnumerable<Delivery> All => _bySequence.Values;

    /// <summary>The earliest deadline still to be checked, or null if none.</summary>
    public long? NextDeadline => _byDeadline.Count > 0 ? _byDeadline.Peek().Deadline : null;

    public void Add(QueueEntry entry, IActorRef getter, long deadline)
    {
        _bySequence[entry.Sequence] = new Delivery(entry, getter, deadline);
        _byDeadline.Enqueue((entry.Sequence, deadline));
    }

    public bool TryRemove(long sequence, out Delivery delivery)
    {
        if (!_bySequence.Remove(sequence, out delivery)) return false;
        // Getters mostly confirm in delivery order: drop the deadlines nobody waits for any more from the front.
        while (_byDeadline.TryPeek(out var next) && !IsCurrent(next)) _byDeadline.Dequeue();
        return true;
    }

    /// <summary>The deliveries to <paramref name="getter"/>, oldest first.</summary>
    public List<Delivery> Of(IActorRef getter) => _bySequence.Values.Where(delivery => delivery.Getter.Equals(getter)).ToList();

    /// <summary>Removes and returns the oldest delivery whose deadline is at or before <paramref name="now"/>; null when none is.</summary>
    public Delivery? TakeExpired(long now)
    {
        while (_byDeadline.TryPeek(out var next) && next.Deadline <= now)
        {
            _byDeadline.Dequeue();
            // A delivery confirmed or returned meanwhile (or delivered again, with a later deadline) is skipped.
            if (IsCurrent(next))
            {
                _bySequence.Remove(next.Sequence, out var delivery);
                return delivery;
            }
        }

        return null;
    }

    private bool IsCurrent((long Sequence, long Deadline) deadline) =>
        _bySequence.TryGetValue(deadline.Sequence, out var delivery) && delivery.Deadline == deadline.Deadline;

    /// <summary>One delivery awaiting confirmation.</summary>
    public readonly record struct Delivery(QueueEntry Entry, IActorRef Getter, long Deadline);
}
