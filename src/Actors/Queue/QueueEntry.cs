namespace Actors.Queue;

/// <summary>An item in a queue with the sequence number it was put with (its place, for giving it back).</summary>
internal readonly record struct QueueEntry(object? Item, long Sequence);
