using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>
/// An unbounded FIFO queue. Operations: <see cref="Put"/> (input: the item), <see cref="Get"/> (output: the item, which
/// must be the head; or null for "empty", legal only when the queue is empty). A get of unknown outcome, if linearized,
/// takes the head (the item went to a getter that never confirmed it); given a set of items as its input
/// (<see cref="Prepare"/>), only when the head is one of them.
/// </summary>
/// <remarks>
/// Items should be unique so that a duplicated or lost item shows. Exactly once: a durable cluster queue delivers at
/// least once (an unconfirmed delivery comes back), which <see cref="AtLeastOnceFifoQueueModel"/> describes.
/// </remarks>
public sealed class FifoQueueModel : ISequentialModel<ValueList<long>>
{
    /// <summary>Function name of a put.</summary>
    public const string Put = "put";

    /// <summary>Function name of a get.</summary>
    public const string Get = "get";

    /// <summary>The empty queue; the state is the items, head first.</summary>
    public ValueList<long> Initial => ValueList<long>.Empty;

    /// <inheritdoc />
    public bool TryStep(ValueList<long> state, Operation operation, out ValueList<long> next)
    {
        next = state;
        switch (operation.Function)
        {
            case Put when operation.Input is long item:
                next = state.Add(item);
                return true;
            case Get when operation.Outcome == OperationOutcome.Unknown:
                if (state.Count == 0) return true;
                if (operation.Input is IReadOnlySet<long> takeable && !takeable.Contains(state.Items[0])) return false;
                next = state.RemoveAt(0);
                return true;
            case Get when operation.Output is long item:
                if (state.Count == 0 || state.Items[0] != item) return false;
                next = state.RemoveAt(0);
                return true;
            case Get:
                return state.Count == 0;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public string Describe(ValueList<long> state) => $"queue {state}";

    /// <summary>
    /// <paramref name="history"/> made cheaper to search, with the same verdict: (1) puts of unknown outcome whose item no
    /// confirmed get returned are left out — if such a put happened, its item stayed in the queue or went to a get of
    /// unknown outcome, and leaving out both changes no confirmed answer; (2) each get of unknown outcome is given the
    /// set of items no confirmed get returned as its input, and may only take one of those (taking an item that a
    /// confirmed get returns would deliver it twice, a dead end the search would otherwise explore at every step).
    /// </summary>
    public static IReadOnlyList<Operation> Prepare(IReadOnlyList<Operation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var seen = history.Where(o => o is { Function: Get, Outcome: OperationOutcome.Ok, Output: long }).Select(o => (long)o.Output!).ToHashSet();
        IReadOnlySet<long> unseen = history.Where(o => o is { Function: Put, Input: long item } && !seen.Contains(item)).Select(o => (long)o.Input!).ToHashSet();
        return history
            .Where(o => !(o is { Function: Put, Outcome: OperationOutcome.Unknown, Input: long item } && !seen.Contains(item)))
            .Select(o => o is { Function: Get, Outcome: OperationOutcome.Unknown } ? o with { Input = unseen } : o)
            .ToList();
    }
}
