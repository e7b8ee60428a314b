namespace Actors.Cluster.Testing.Models;

/// <summary>
/// An item as a queue delivered it: with its sequence, the place the queue gave it when it applied its put (a queue
/// applies puts in sequence order, and an item that comes back keeps its sequence). The output of a get recorded by
/// <see cref="Workloads.QueueWorkload"/>.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Sequence">Its sequence.</param>
public sealed record SequencedItem(long Item, long Sequence)
{
    /// <summary>The item a get's output names: a <see cref="SequencedItem"/>'s, or a plain <see cref="long"/>; null for none.</summary>
    public static long? ItemOf(object? output) => output switch
    {
        SequencedItem sequenced => sequenced.Item,
        long item => item,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Item}#{Sequence}";
}
