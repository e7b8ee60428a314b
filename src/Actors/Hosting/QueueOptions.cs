namespace Actors.Hosting;

/// <summary>Settings of a queue registered with <see cref="ActorPrimitivesHostingExtensions.WithActorQueue{TKey, T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class QueueOptions<T> : PrimitiveOptions
{
    /// <summary>Which queue. Default: <see cref="QueueKind.Fifo"/>.</summary>
    public QueueKind? Kind { get; set; }

    /// <summary>The bound; zero or less means unbounded, as in Python (ignored by a simple queue). Default: 0.</summary>
    public int? MaxSize { get; set; }

    /// <summary>The order of a priority queue. Default: <see cref="Comparer{T}.Default"/>.</summary>
    public IComparer<T>? Comparer { get; set; }
}
