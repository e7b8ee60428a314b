using Actors.Cluster.Testing.History;
using Actors.Cluster.Testing.Models;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// The promises of a durable queue that a linearizability check alone does not hold it to, audited on a history
/// recorded as <see cref="QueueWorkload"/> records it (after its final drain).
/// </summary>
public static class QueueAudit
{
    /// <summary>
    /// Every broken promise in <paramref name="history"/>, in words: (1) an item that is the output of two confirmed
    /// (<see cref="OperationOutcome.Ok"/>) gets — a queue delivers at least once, but exactly once to confirmed getters;
    /// (2) an item of an acknowledged put that is neither the output of a confirmed get nor the item received by a get
    /// of unknown outcome (whose confirmation may have been stored with the acknowledgement lost: the item is then out
    /// for good) — lost. A get of unknown outcome that received nothing excuses no item: its getter never confirmed,
    /// so whatever it may have taken went back to the queue when its owner stopped, and the drain waited for it.
    /// </summary>
    public static IEnumerable<string> Violations(IReadOnlyList<Operation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var receipts = AtLeastOnceFifoQueueModel.Receipts(history);
        var confirmed = receipts.Where(r => r.Get.Outcome == OperationOutcome.Ok).GroupBy(r => r.Item).ToList();
        foreach (var twice in confirmed.Where(g => g.Count() > 1))
            yield return $"item {twice.Key} delivered to {twice.Count()} confirmed getters: {string.Join(", ", twice.Select(r => r.Get))}";
        var accounted = receipts.Select(r => r.Item).ToHashSet();
        var lost = history.Where(o => o is { Function: FifoQueueModel.Put, Outcome: OperationOutcome.Ok } && !accounted.Contains((long)o.Input!)).ToList();
        if (lost.Count > 0)
            yield return $"{lost.Count} acknowledged items neither confirmed to a getter nor received by a get of unknown outcome: "
                + string.Join(", ", lost.Take(10).Select(o => o.Input));
    }
}
