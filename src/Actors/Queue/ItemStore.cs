using Actors.Internal;

namespace Actors.Queue;

/// <summary>
/// The order in which a queue hands out its items. <see cref="Return"/> puts back an item that was handed to a getter
/// who no longer wanted it, at the place its sequence number gives it, so that no item is lost or reordered by a race.
/// </summary>
internal abstract class ItemStore
{
    public abstract int Count { get; }

    /// <summary>The entry at <paramref name="index"/> in the store's own order; adding the entries again in this order rebuilds the same store.</summary>
    public abstract QueueEntry this[int index] { get; }

    /// <summary>Whether the store can hold <paramref name="item"/> (a priority queue needs items its comparer understands).</summary>
    public virtual bool Accepts(object? item) => true;

    public abstract void Add(QueueEntry entry);

    public abstract QueueEntry Take();

    public abstract void Return(QueueEntry entry);

    public abstract void Clear();

    /// <summary>Whether the item with <paramref name="sequence"/> is in the store (a linear scan: only returns ask).</summary>
    public abstract bool Holds(long sequence);

    /// <summary>
    /// Adds (or, with <paramref name="isReturn"/>, gives back) one entry; null if it went in, else why the store could
    /// not order it (a priority comparer that throws: Python's <c>TypeError</c>). The store is left as it was then.
    /// </summary>
    public string? TryAdd(QueueEntry entry, bool isReturn)
    {
        try
        {
            if (isReturn) Return(entry);
            else Add(entry);
            return null;
        }
        catch (Exception error)
        {
            return error.Message;
        }
    }

    /// <summary>
    /// A batch for a getter: <paramref name="first"/>, already taken, then up to <paramref name="maxCount"/> entries in
    /// all, fewer if the store runs out or cannot order the rest (a failing comparer ends the batch with what was taken).
    /// </summary>
    public (object?[] Items, long[] Sequences) TakeBatch(QueueEntry first, int maxCount)
    {
        var items = new object?[Math.Min(maxCount, Count + 1)];
        var sequences = new long[items.Length];
        (items[0], sequences[0]) = (first.Item, first.Sequence);
        var taken = 1;
        for (; taken < items.Length && TryTake(out var entry, out _); taken++) (items[taken], sequences[taken]) = (entry.Item, entry.Sequence);
        if (taken < items.Length)
        {
            Array.Resize(ref items, taken);
            Array.Resize(ref sequences, taken);
        }

        return (items, sequences);
    }

    /// <summary>Takes the next entry; false, with why, if the store could not order its entries (nothing is taken then).</summary>
    public bool TryTake(out QueueEntry entry, out string? error)
    {
        try
        {
            entry = Take();
            error = null;
            return true;
        }
        catch (Exception failure)
        {
            entry = default;
            error = failure.Message;
            return false;
        }
    }

    private static bool AnyHas(Deque<QueueEntry> items, long sequence)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].Sequence == sequence) return true;
        return false;
    }

    /// <summary>Python's <c>Queue</c> and <c>SimpleQueue</c>: first in, first out.</summary>
    public sealed class Fifo : ItemStore
    {
        private readonly Deque<QueueEntry> _items = new();

        public override int Count => _items.Count;

        public override QueueEntry this[int index] => _items[index];

        public override void Add(QueueEntry entry) => _items.AddLast(entry);

        public override QueueEntry Take() => _items.RemoveFirst();

        /// <summary>Items stand in sequence order from the front; a returned item (an old one) goes back among the first.</summary>
        public override void Return(QueueEntry entry)
        {
            var index = 0;
            while (index < _items.Count && _items[index].Sequence < entry.Sequence) index++;
            _items.Insert(index, entry);
        }

        public override void Clear() => _items.Clear();

        public override bool Holds(long sequence) => AnyHas(_items, sequence);
    }

    /// <summary>Python's <c>LifoQueue</c>: last in, first out.</summary>
    public sealed class Lifo : ItemStore
    {
        private readonly Deque<QueueEntry> _items = new();

        public override int Count => _items.Count;

        public override QueueEntry this[int index] => _items[index];

        public override void Add(QueueEntry entry) => _items.AddLast(entry);

        public override QueueEntry Take() => _items.RemoveLast();

        /// <summary>Items stand in sequence order from the bottom; a returned item goes back under any newer one.</summary>
        public override void Return(QueueEntry entry)
        {
            var index = _items.Count;
            while (index > 0 && _items[index - 1].Sequence > entry.Sequence) index--;
            _items.Insert(index, entry);
        }

        public override void Clear() => _items.Clear();

        public override bool Holds(long sequence) => AnyHas(_items, sequence);
    }

    /// <summary>
    /// Python's <c>PriorityQueue</c>: the smallest item first by the comparer, equal items in the order they were put
    /// (the sequence breaks ties), so a returned item takes exactly its old place. Every move is planned with
    /// comparisons before anything is changed: a comparer that throws (items that cannot be compared, Python's
    /// <c>TypeError</c>) leaves the heap as it was.
    /// </summary>
    public sealed class Priority(IComparer<object?> comparer, Func<object?, bool> accepts) : ItemStore
    {
        private readonly List<QueueEntry> _heap = new();

        public override int Count => _heap.Count;

        /// <summary>The heap's array order: added again in this order, no entry moves.</summary>
        public override QueueEntry this[int index] => _heap[index];

        public override bool Accepts(object? item) => accepts(item);

        public override void Add(QueueEntry entry)
        {
            var path = new List<int>();
            for (var index = _heap.Count; index > 0 && Compare(entry, _heap[(index - 1) / 2]) < 0; index = (index - 1) / 2) path.Add((index - 1) / 2);

            _heap.Add(entry);
            var hole = _heap.Count - 1;
            foreach (var parent in path)
            {
                _heap[hole] = _heap[parent];
                hole = parent;
            }

            _heap[hole] = entry;
        }

        public override QueueEntry Take()
        {
            var root = _heap[0];
            var last = _heap[^1];
            var size = _heap.Count - 1;
            var path = new List<int>();
            for (var index = 0; ;)
            {
                var child = 2 * index + 1;
                if (child >= size) break;
                if (child + 1 < size && Compare(_heap[child + 1], _heap[child]) < 0) child++;
                if (Compare(_heap[child], last) >= 0) break;
                path.Add(child);
                index = child;
            }

            _heap.RemoveAt(size);
            if (size == 0) return root;
            var hole = 0;
            foreach (var child in path)
            {
                _heap[hole] = _heap[child];
                hole = child;
            }

            _heap[hole] = last;
            return root;
        }

        public override void Return(QueueEntry entry) => Add(entry);

        public override void Clear() => _heap.Clear();

        public override bool Holds(long sequence) => _heap.Exists(entry => entry.Sequence == sequence);

        private int Compare(QueueEntry a, QueueEntry b)
        {
            var byItem = comparer.Compare(a.Item, b.Item);
            return byItem != 0 ? byItem : a.Sequence.CompareTo(b.Sequence);
        }
    }
}
