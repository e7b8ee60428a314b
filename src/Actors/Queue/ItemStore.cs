using Actors.Internal;

namespace Actors.Queue;

/// <summary>
/// The order in which a queue hands out its items. <see cref="Return"/> puts back an item that was handed to a getter
/// who no longer wanted it, at the place it was taken from, so that no item is lost or reordered by a race.
/// </summary>
internal abstract class ItemStore
{
    public abstract int Count { get; }

    /// <summary>Whether the store can hold <paramref name="item"/> (a priority queue needs items its comparer understands).</summary>
    public virtual bool Accepts(object? item) => true;

    public abstract void Add(QueueEntry entry);

    public abstract QueueEntry Take();

    public abstract void Return(QueueEntry entry);

    public abstract void Clear();

    /// <summary>Python's <c>Queue</c> and <c>SimpleQueue</c>: first in, first out; a returned item goes back to the head.</summary>
    public sealed class Fifo : ItemStore
    {
        private readonly Deque<QueueEntry> _items = new();

        public override int Count => _items.Count;

        public override void Add(QueueEntry entry) => _items.AddLast(entry);

        public override QueueEntry Take() => _items.RemoveFirst();

        public override void Return(QueueEntry entry) => _items.AddFirst(entry);

        public override void Clear() => _items.Clear();
    }

    /// <summary>Python's <c>LifoQueue</c>: last in, first out; a returned item goes back on top.</summary>
    public sealed class Lifo : ItemStore
    {
        private readonly Deque<QueueEntry> _items = new();

        public override int Count => _items.Count;

        public override void Add(QueueEntry entry) => _items.AddLast(entry);

        public override QueueEntry Take() => _items.RemoveLast();

        public override void Return(QueueEntry entry) => _items.AddLast(entry);

        public override void Clear() => _items.Clear();
    }

    /// <summary>
    /// Python's <c>PriorityQueue</c>: the smallest item first by the comparer, equal items in the order they were put
    /// (the sequence breaks ties), so a returned item takes exactly its old place.
    /// </summary>
    public sealed class Priority(IComparer<object?> comparer, Func<object?, bool> accepts) : ItemStore
    {
        private readonly PriorityQueue<QueueEntry, QueueEntry> _items = new(Comparer<QueueEntry>.Create((a, b) =>
        {
            var byItem = comparer.Compare(a.Item, b.Item);
            return byItem != 0 ? byItem : a.Sequence.CompareTo(b.Sequence);
        }));

        public override int Count => _items.Count;

        public override bool Accepts(object? item) => accepts(item);

        public override void Add(QueueEntry entry) => _items.Enqueue(entry, entry);

        public override QueueEntry Take() => _items.Dequeue();

        public override void Return(QueueEntry entry) => _items.Enqueue(entry, entry);

        public override void Clear() => _items.Clear();
    }
}
