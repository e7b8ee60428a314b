using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>
/// A FIFO queue that delivers at least once, as a durable cluster queue does: an item delivered to a getter that never
/// confirmed it goes back to its place (before every item put after it) when the getter's owner dies or the
/// confirmation time passes, and is delivered again. Operations are <see cref="FifoQueueModel"/>'s
/// <see cref="FifoQueueModel.Put"/> (input: the item) and <see cref="FifoQueueModel.Get"/>; a get is
/// <see cref="OperationOutcome.Ok"/> only for a confirmed getter (its confirmation acknowledged), with the item it
/// received as its output (a <see cref="SequencedItem"/> or a plain <see cref="long"/>), or null for "empty"; a get of
/// unknown outcome has as its output the item it received, if it received one.
/// </summary>
/// <remarks>
/// <para>The state (<see cref="AtLeastOnceQueueState"/>) is the queue of items never delivered plus the items delivered
/// and not confirmed. A return is not an operation of the history (it happens inside the queue, at a time nobody
/// records), so the model leaves it implicit: an unconfirmed item is taken to have come back just before it is delivered
/// again. Its place is before every item still in the queue — those were behind it when it was taken, and later puts
/// are behind it too — so it is then the head, whatever else is queued.</para>
/// <para>Accepted: a put appends its item (an <see cref="OrderedPut"/> only right after the put of the sequence before
/// it). A confirmed get of x: x is the head (removed), or x is unconfirmed (it came back and went to this getter;
/// removed for good). A confirmed "empty": the queue is empty (unconfirmed items may not be back yet). A get of unknown
/// outcome that received x: x is the head (it becomes unconfirmed), or x is unconfirmed already (delivered again, still
/// unconfirmed). A get of unknown outcome that received nothing: takes the head into the unconfirmed items (the reply
/// was lost), or, like every unknown operation, did nothing.</para>
/// <para>Rejected: a confirmed get of an item that is neither the head nor unconfirmed — out of FIFO order with no
/// unconfirmed delivery of the items before it to explain it, never put, or already confirmed to another getter (a
/// confirmed item is gone, so exactly-once delivery to confirmed getters holds in the model too); a confirmed
/// "empty" while items never delivered are queued (an acknowledged put lost). Lenient by design: an unconfirmed item
/// may stay out for ever (its getter may have confirmed it with the acknowledgement lost), so an item lost after a
/// delivery is found by the final drain and audit of <see cref="Workloads.QueueWorkload"/>, not here.</para>
/// </remarks>
public sealed class AtLeastOnceFifoQueueModel : ISequentialModel<AtLeastOnceQueueState>
{
    /// <inheritdoc />
    public AtLeastOnceQueueState Initial => AtLeastOnceQueueState.Empty;

    /// <inheritdoc />
    public bool TryStep(AtLeastOnceQueueState state, Operation operation, out AtLeastOnceQueueState next)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(operation);
        next = state;
        switch (operation.Function)
        {
            case FifoQueueModel.Put when operation.Input is long item:
                next = state with { Queue = state.Queue.Add(item) };
                return true;
            case FifoQueueModel.Put when operation.Input is OrderedPut put:
                if (put.PreviousSequence != state.LastSequence) return false;
                next = state with { Queue = state.Queue.Add(put.Item), LastSequence = put.Sequence };
                return true;
            case FifoQueueModel.Get when operation.Outcome == OperationOutcome.Unknown && SequencedItem.ItemOf(operation.Output) is { } received:
                if (state.Unconfirmed.Items.Contains(received)) return true;
                if (!IsHead(state, received)) return false;
                next = TakeHead(state) with { Unconfirmed = state.Unconfirmed.Add(received) };
                return true;
            case FifoQueueModel.Get when operation.Outcome == OperationOutcome.Unknown:
                if (state.Queue.Count == 0) return true;
                if (operation.Input is int rank && rank != state.BlindTakes) return false;
                next = TakeHead(state) with { Unconfirmed = state.Unconfirmed.Add(state.Queue.Items[0]), BlindTakes = state.BlindTakes + 1 };
                return true;
            case FifoQueueModel.Get when SequencedItem.ItemOf(operation.Output) is { } item:
                if (IsHead(state, item)) next = TakeHead(state);
                else if (state.Unconfirmed.Items.Contains(item)) next = state with { Unconfirmed = state.Unconfirmed.RemoveAll(item) };
                else return false;
                return true;
            case FifoQueueModel.Get:
                return state.Queue.Count == 0;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public string Describe(AtLeastOnceQueueState state) => $"{state}";

    /// <summary>
    /// <paramref name="history"/> made cheaper to search, with the same verdict for a queue that reports true sequences:
    /// <list type="number">
    /// <item>Puts of unknown outcome whose item no get received are left out: if such a put happened, its item stayed in
    /// the queue or went to a get that received nothing, and leaving out both changes no answer.</item>
    /// <item>A put whose item a get received with its sequence (<see cref="SequencedItem"/>) took effect: it becomes
    /// <see cref="OperationOutcome.Ok"/> if it was unknown, completed no later than the first confirmed get of its item
    /// (else at the end), and its input an <see cref="OrderedPut"/>, so that such puts are applied in sequence order —
    /// the order the queue applied them. Without it, the search tries every order of concurrent puts (a dozen puts
    /// buffered while the queue's node was down made a 38-operation history undecided within a minute). Trusting the
    /// queue's sequences hides nothing: an order that contradicts real time or the deliveries still fails.</item>
    /// <item>The gets of unknown outcome that received nothing are numbered per key in invocation order (their input),
    /// and the model lets them take items only in that order: they all do the same thing, and whatever a set of them can
    /// explain, the earliest-invoked as many can explain too (each may be placed anywhere after an earlier invocation),
    /// so the search need not try every choice among them.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<Operation> Prepare(IReadOnlyList<Operation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var receipts = Receipts(history);
        var received = receipts.Select(r => r.Item).ToHashSet();
        var sequences = receipts.Select(r => r.Get.Output).OfType<SequencedItem>().GroupBy(d => d.Item).ToDictionary(g => g.Key, g => g.First().Sequence);
        var firstConfirmed = receipts.Where(r => r.Get.Outcome == OperationOutcome.Ok).GroupBy(r => r.Item)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Get.CompletedAt));
        var blindRanks = history.Where(IsBlindGet).GroupBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(key => key.OrderBy(o => o.InvokedAt).ThenBy(o => o.Id).Select((o, rank) => (o.Id, Rank: rank)))
            .ToDictionary(x => x.Id, x => x.Rank);
        var orderedPuts = new Dictionary<long, Operation>();
        foreach (var key in history.Where(o => o is { Function: FifoQueueModel.Put, Outcome: not OperationOutcome.Fail, Input: long item } && sequences.ContainsKey(item))
                     .GroupBy(o => o.Key, StringComparer.Ordinal))
        {
            var previous = 0L;
            foreach (var put in key.OrderBy(o => sequences[(long)o.Input!]))
            {
                orderedPuts[put.Id] = Ordered(put, previous);
                previous = sequences[(long)put.Input!];
            }
        }

        return history
            .Where(o => !(o is { Function: FifoQueueModel.Put, Outcome: OperationOutcome.Unknown, Input: long item } && !received.Contains(item)))
            .Select(o => orderedPuts.TryGetValue(o.Id, out var put) ? put : blindRanks.TryGetValue(o.Id, out var rank) ? o with { Input = rank } : o)
            .ToList();

        Operation Ordered(Operation put, long previous)
        {
            var item = (long)put.Input!;
            var completedAt = put.Outcome == OperationOutcome.Ok ? put.CompletedAt : Math.Max(put.InvokedAt, firstConfirmed.GetValueOrDefault(item, long.MaxValue - 1));
            return put with { Input = new OrderedPut(item, sequences[item], previous), Outcome = OperationOutcome.Ok, CompletedAt = completedAt };
        }
    }

    /// <summary>The gets of <paramref name="history"/> that received an item (confirmed or not), each with its item.</summary>
    public static IReadOnlyList<(Operation Get, long Item)> Receipts(IEnumerable<Operation> history) =>
        history.Where(o => o.Function == FifoQueueModel.Get).Select(o => (Get: o, Item: SequencedItem.ItemOf(o.Output)))
            .Where(r => r.Item is not null).Select(r => (r.Get, r.Item!.Value)).ToList();

    private static bool IsBlindGet(Operation operation) => operation is { Function: FifoQueueModel.Get, Outcome: OperationOutcome.Unknown, Output: null };

    private static bool IsHead(AtLeastOnceQueueState state, long item) => state.Queue.Count > 0 && state.Queue.Items[0] == item;

    private static AtLeastOnceQueueState TakeHead(AtLeastOnceQueueState state) => state with { Queue = state.Queue.RemoveAt(0) };
}
