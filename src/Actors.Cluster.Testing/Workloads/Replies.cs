using Actors.Cluster.Testing.History;
using Actors.Protocol;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>How a workload turns a primitive's reply into the outcome of the operation that asked for it.</summary>
internal static class Replies
{
    /// <summary>
    /// Completes <paramref name="operation"/>: ok with <paramref name="output"/> of a <typeparamref name="TDone"/> reply,
    /// failed for a rejection (the primitive refused, its state unchanged), unknown for no reply.
    /// </summary>
    /// <returns>False when the outcome is unknown (the client's session must end).</returns>
    public static bool Complete<TDone>(PendingOperation operation, object? reply, Func<TDone, object?> output)
    {
        switch (reply)
        {
            case TDone done:
                operation.Ok(output(done));
                return true;
            case CoordinatorProtocol.Rejected:
                operation.Fail();
                return true;
            default:
                operation.Unknown();
                return false;
        }
    }
}
