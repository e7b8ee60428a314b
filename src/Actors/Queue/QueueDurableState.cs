using System.Collections.Immutable;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Queue;

/// <summary>
/// A durable queue's whole state, the snapshot its <see cref="QueueDurableEvents"/> are replayed after: the items in
/// the order the queue keeps them, with their sequences; the deliveries still awaiting confirmation, with their getters;
/// the last sequence handed out, the unfinished count and the shutdown flags.
/// </summary>
/// <param name="Items">The items in the queue, in the queue's own order.</param>
/// <param name="Sequences">Each item's sequence; as many as <paramref name="Items"/>.</param>
/// <param name="UnconfirmedItems">Items delivered and not yet confirmed, in delivery order.</param>
/// <param name="UnconfirmedSequences">Their sequences.</param>
/// <param name="UnconfirmedGetters">Their getters' owners.</param>
/// <param name="LastSequence">The sequence of the last item put.</param>
/// <param name="Unfinished">Items put and not yet marked done.</param>
/// <param name="IsShutDown">Whether the queue was shut down.</param>
/// <param name="DiscardsReturns">Whether it was shut down immediately: items coming back are discarded.</param>
public sealed record QueueDurableState(
    IReadOnlyList<object?> Items,
    IReadOnlyList<long> Sequences,
    IReadOnlyList<object?> UnconfirmedItems,
    IReadOnlyList<long> UnconfirmedSequences,
    ImmutableList<IActorRef> UnconfirmedGetters,
    long LastSequence,
    int Unfinished,
    bool IsShutDown,
    bool DiscardsReturns) : IDurableState;
