namespace Actors.Cluster.Testing.Models;

/// <summary>A state of <see cref="AtLeastOnceFifoQueueModel"/>.</summary>
/// <param name="Queue">The items never delivered, head first (in the order they were put).</param>
/// <param name="Unconfirmed">
/// The items delivered to a getter that did not confirm them, in the order they were put: each may have come back to its
/// place (before every item in <paramref name="Queue"/>) and be delivered again, or be out for good.
/// </param>
/// <param name="BlindTakes">How many gets of unknown outcome that received nothing have taken an item.</param>
/// <param name="LastSequence">The sequence of the last <see cref="OrderedPut"/> applied, or 0.</param>
public sealed record AtLeastOnceQueueState(ValueList<long> Queue, ValueList<long> Unconfirmed, int BlindTakes, long LastSequence)
{
    /// <summary>The empty queue.</summary>
    public static AtLeastOnceQueueState Empty { get; } = new(ValueList<long>.Empty, ValueList<long>.Empty, 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"queue {Queue}, unconfirmed {Unconfirmed}";
}
