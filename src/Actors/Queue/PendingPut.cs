namespace Actors.Queue;

/// <summary>The payload of a waiting putter: the items it puts (one for <see cref="QueueProtocol.Put"/>), which decide the reply.</summary>
internal sealed record PendingPut(IReadOnlyList<object?> Items, bool IsBatch)
{
    /// <summary>How many items the put needs room for.</summary>
    public int Count => Items.Count;
}
