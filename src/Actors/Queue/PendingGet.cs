namespace Actors.Queue;

/// <summary>The payload of a waiting getter: how many items it takes at most (one for <see cref="QueueProtocol.Get"/>).</summary>
internal sealed record PendingGet(int MaxCount, bool IsBatch)
{
    /// <summary>A single <see cref="QueueProtocol.Get"/>.</summary>
    public static readonly PendingGet One = new(1, IsBatch: false);
}
