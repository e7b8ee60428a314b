using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>
/// A bounded semaphore of <c>bound</c> permits whose holders are processes. Operations, by <see cref="Operation.Process"/>:
/// <see cref="Acquire"/> (output true when granted, false when it timed out; a grant needs a free permit, a time-out is
/// always legal), <see cref="Release"/> (only a process holding a permit releases one) and <see cref="OwnerLost"/> (the
/// owner died: every permit it held comes back).
/// </summary>
/// <param name="bound">How many permits.</param>
public sealed class SemaphoreModel(int bound) : ISequentialModel<ValueList<int>>
{
    /// <summary>Function name of an acquire.</summary>
    public const string Acquire = "acquire";

    /// <summary>Function name of a release.</summary>
    public const string Release = "release";

    /// <summary>Function name of an owner's death.</summary>
    public const string OwnerLost = LockModel.OwnerLost;

    /// <summary>No permit held. The state is the list of holders, one entry per permit held, in order of acquisition.</summary>
    public ValueList<int> Initial => ValueList<int>.Empty;

    /// <inheritdoc />
    public bool TryStep(ValueList<int> state, Operation operation, out ValueList<int> next)
    {
        next = state;
        switch (operation.Function)
        {
            case Acquire when operation.Outcome == OperationOutcome.Unknown || operation.Output is true:
                if (state.Count >= bound) return false;
                next = state.Add(operation.Process);
                return true;
            case Acquire:
                return true;
            case Release:
                var held = state.Items.IndexOf(operation.Process);
                if (held < 0) return false;
                next = state.RemoveAt(held);
                return true;
            case OwnerLost:
                next = state.RemoveAll(operation.Process);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public string Describe(ValueList<int> state) => $"{bound - state.Count} of {bound} permits free, held by {state}";
}
