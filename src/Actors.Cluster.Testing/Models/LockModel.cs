using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Models;

/// <summary>The state of <see cref="LockModel"/>: who holds the lock (a process), and the highest fencing token granted.</summary>
/// <param name="Holder">The holding process, or null when free.</param>
/// <param name="LastToken">The highest fencing token granted so far (0 before the first).</param>
public sealed record LockModelState(int? Holder, long LastToken);

/// <summary>
/// A mutual-exclusion lock with fencing tokens. Operations, by <see cref="Operation.Process"/> as the owner:
/// <list type="bullet">
/// <item><see cref="Acquire"/>: output the granted fencing token (a <see cref="long"/>), or null when it timed out. A grant
/// needs the lock free and a token higher than every token before; a time-out is always legal (the model does not
/// decide whether the lock was free the whole time).</item>
/// <item><see cref="Release"/> (input: the token being released): only the holder releases.</item>
/// <item><see cref="OwnerLost"/>: the owner died (its node was downed, or it was stopped), so whatever it held is
/// released; legal in any state.</item>
/// </list>
/// </summary>
/// <remarks>An acquire of unknown outcome, if linearized, grants with an unknown token: the highest token is kept.</remarks>
public sealed class LockModel : ISequentialModel<LockModelState>
{
    /// <summary>Function name of an acquire.</summary>
    public const string Acquire = "acquire";

    /// <summary>Function name of a release.</summary>
    public const string Release = "release";

    /// <summary>Function name of an owner's death (its holds released by the primitive).</summary>
    public const string OwnerLost = "owner-lost";

    /// <inheritdoc />
    public LockModelState Initial { get; } = new(null, 0);

    /// <inheritdoc />
    public bool TryStep(LockModelState state, Operation operation, out LockModelState next)
    {
        next = state;
        var unknown = operation.Outcome == OperationOutcome.Unknown;
        switch (operation.Function)
        {
            case Acquire when unknown:
                if (state.Holder is not null) return false;
                next = state with { Holder = operation.Process };
                return true;
            case Acquire when operation.Output is long token:
                if (state.Holder is not null || token <= state.LastToken) return false;
                next = new LockModelState(operation.Process, token);
                return true;
            case Acquire:
                return true;
            case Release:
                if (state.Holder != operation.Process) return false;
                next = state with { Holder = null };
                return true;
            case OwnerLost:
                if (state.Holder == operation.Process) next = state with { Holder = null };
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public string Describe(LockModelState state) =>
        state.Holder is { } holder ? $"held by p{holder}, last token {state.LastToken}" : $"free, last token {state.LastToken}";
}
