using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>
/// An unbounded FIFO queue. Operations: <see cref="Put"/> (input: the item), <see cref="Get"/> (output: the item, which
/// must be the head; or null for "empty", legal only when the queue is empty). A get of unknown outcome, if linearized,
/// takes the head (the item went to a getter that never confirmed it).
/// </summary>
/// <remarks>Items should be unique so that a duplicated or lost item shows.</remarks>
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
                if (state.Count > 0) next = state.RemoveAt(0);
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
}
