using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>
/// A FIFO queue that delivers at least once, as a durable cluster queue does: an item delivered to a getter that never
/// confirmed it goes back to its place (before every item put after it) when the getter's owner dies or the
/// confirmation time passes, and is delivered again. Operations are <see cref="FifoQueueModel"/>'s
/// <see cref="FifoQueueModel.Put"/> (input: the item) and <see cref="FifoQueueModel.Get"/>; a get is
/// <see cref="OperationOutcome.Ok"/> only for a confirmed getter (its confirmation acknowledged), with the item as its
/// output, or null for "empty"; a get of unknown outcome has as its output the item it received, if it received one.
/// </summary>
/// <remarks>
/// <para>The state (<see cref="AtLeastOnceQueueState"/>) is the queue of items never delivered plus the items delivered
/// and not confirmed. A return is not an operation of the history (it happens inside the queue, at a time nobody
/// records), so the model leaves it implicit: an unconfirmed item is taken to have come back just before it is delivered
/// again. Its place is before every item still in the queue — those were behind it when it was taken, and later puts
/// are behind it too — so it is then the head, whatever else is queued.</para>
/// <para>Accepted: a put appends its item. A confirmed get of x: x is the head (removed), or x is unconfirmed (it came
/// back and went to this getter; removed for good). A confirmed "empty": the queue is empty (unconfirmed items may not
/// be back yet). A get of unknown outcome that received x: x is the head (it becomes unconfirmed), or x is unconfirmed
/// already (delivered again, still unconfirmed). A get of unknown outcome that received nothing: takes the head into
/// the unconfirmed items (the reply was lost), or, like every unknown operation, did nothing.</para>
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
            case FifoQueueModel.Get when operation is { Outcome: OperationOutcome.Unknown, Output: long received }:
                if (state.Unconfirmed.Items.Contains(received)) return true;
                if (!IsHead(state, received)) return false;
                next = TakeHead(state) with { Unconfirmed = state.Unconfirmed.Add(received) };
                return true;
            case FifoQueueModel.Get when operation.Outcome == OperationOutcome.Unknown:
                if (state.Queue.Count == 0) return true;
                if (operation.Input is int rank && rank != state.BlindTakes) return false;
                next = new AtLeastOnceQueueState(state.Queue.RemoveAt(0), state.Unconfirmed.Add(state.Queue.Items[0]), state.BlindTakes + 1);
                return true;
            case FifoQueueModel.Get when operation.Output is long item:
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
    /// <paramref name="history"/> made cheaper to search, with the same verdict: (1) puts of unknown outcome whose item
    /// no get received are left out — if such a put happened, its item stayed in the queue or went to a get that received
    /// nothing, and leaving out both changes no answer; (2) the gets of unknown outcome that received nothing are
    /// numbered per key in invocation order (their input), and the model lets them take items only in that order: they
    /// all do the same thing, and whatever a set of them can explain, the earliest-invoked as many can explain too (each
    /// may be placed anywhere after an earlier invocation), so the search need not try every choice among them.
    /// </summary>
    public static IReadOnlyList<Operation> Prepare(IReadOnlyList<Operation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var received = history.Where(o => o is { Function: FifoQueueModel.Get, Output: long }).Select(o => (long)o.Output!).ToHashSet();
        var blindRanks = history.Where(IsBlindGet).GroupBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(key => key.OrderBy(o => o.InvokedAt).ThenBy(o => o.Id).Select((o, rank) => (o.Id, Rank: rank)))
            .ToDictionary(x => x.Id, x => x.Rank);
        return history
            .Where(o => !(o is { Function: FifoQueueModel.Put, Outcome: OperationOutcome.Unknown, Input: long item } && !received.Contains(item)))
            .Select(o => blindRanks.TryGetValue(o.Id, out var rank) ? o with { Input = rank } : o)
            .ToList();
    }

    private static bool IsBlindGet(Operation operation) => operation is { Function: FifoQueueModel.Get, Outcome: OperationOutcome.Unknown, Output: null };

    private static bool IsHead(AtLeastOnceQueueState state, long item) => state.Queue.Count > 0 && state.Queue.Items[0] == item;

    private static AtLeastOnceQueueState TakeHead(AtLeastOnceQueueState state) => state with { Queue = state.Queue.RemoveAt(0) };
}
