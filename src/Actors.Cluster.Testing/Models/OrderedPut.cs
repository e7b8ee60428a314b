namespace Actors.Cluster.Testing.Models;

/// <summary>
/// The input <see cref="AtLeastOnceFifoQueueModel.Prepare"/> gives a put whose item some get received: the item, its
/// sequence, and the sequence of the put before it among such puts (0 for the first), so that the model applies these
/// puts in the order the queue applied them.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Sequence">The sequence the queue gave it.</param>
/// <param name="PreviousSequence">The next lower sequence of a received item, or 0.</param>
public sealed record OrderedPut(long Item, long Sequence, long PreviousSequence);
