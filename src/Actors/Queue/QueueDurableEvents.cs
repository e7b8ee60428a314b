using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// The changes a durable queue journals instead of its whole state (<see cref="IDurableEvent"/>): a queue of a million
/// items stores what a message moved, not the million. On recovery they are replayed in order after the latest
/// snapshot (a <see cref="QueueDurableState"/>), giving back the same items in the same order, the same unfinished
/// count, and the deliveries still awaiting confirmation.
/// </summary>
/// <remarks>Only a queue made for a durable host records them (<see cref="ActorQueue{T}.DurableBehavior"/>); a queue in one process records nothing.</remarks>
public static class QueueDurableEvents
{
    /// <summary>Items went into the queue, with consecutive sequence numbers.</summary>
    /// <param name="FirstSequence">The sequence of the first item; the next ones follow by one.</param>
    /// <param name="Items">The items, in the order they were put.</param>
    public sealed record ItemsPut(long FirstSequence, IReadOnlyList<object?> Items) : IDurableEvent;

    /// <summary>Items were taken out of the queue and sent to a getter, in the order given.</summary>
    /// <param name="Sequences">The sequences of the items taken, in the order they were taken.</param>
    /// <param name="Getter">The getter's owner (<see cref="ActorRefs.Nobody"/> if anonymous): until it confirms, the items are its deliveries awaiting confirmation.</param>
    public sealed record ItemsTaken(IReadOnlyList<long> Sequences, IActorRef Getter) : IDurableEvent;

    /// <summary>Getters confirmed that deliveries reached them: those items are out of the queue for good.</summary>
    /// <param name="Sequences">The sequences confirmed.</param>
    public sealed record DeliveriesConfirmed(IReadOnlyList<long> Sequences) : IDurableEvent;

    /// <summary>
    /// An item came back to its place: returned by a getter that no longer wanted it, or a delivery whose getter died or
    /// did not confirm in time. Discarded instead (and counted done) if the queue was shut down immediately.
    /// </summary>
    /// <param name="Sequence">The item's sequence, its place.</param>
    /// <param name="Item">The item.</param>
    public sealed record ItemReturned(long Sequence, object? Item) : IDurableEvent;

    /// <summary>Items were marked done (Python's <c>task_done()</c>).</summary>
    /// <param name="Count">How many.</param>
    public sealed record TasksDone(int Count) : IDurableEvent;

    /// <summary>The queue was shut down.</summary>
    /// <param name="Immediate">Whether the items left were discarded.</param>
    public sealed record ShutDown(bool Immediate) : IDurableEvent;
}
