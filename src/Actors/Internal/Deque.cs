namespace Actors.Internal;

/// <summary>A double-ended queue on a growable ring buffer: O(1) at both ends, no allocation per item.</summary>
internal sealed class Deque<T>
{
    private T[] _items = new T[16];
    private int _head;

    public int Count { get; private set; }

    public void AddLast(T item)
    {
        Grow();
        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public void AddFirst(T item)
    {
        Grow();
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = item;
        Count++;
    }

    public T RemoveFirst()
    {
        if (Count == 0) throw new InvalidOperationException("The deque is empty.");
        var item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        Count--;
        return item;
    }

    public T RemoveLast()
    {
        if (Count == 0) throw new InvalidOperationException("The deque is empty.");
        var index = (_head + Count - 1) % _items.Length;
        var item = _items[index];
        _items[index] = default!;
        Count--;
        return item;
    }

    /// <summary>The item at <paramref name="index"/> from the front.</summary>
    public T this[int index] => _items[(_head + index) % _items.Length];

    /// <summary>Inserts <paramref name="item"/> so that it ends up at <paramref name="index"/> from the front.</summary>
    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        AddLast(item);
        for (var i = Count - 1; i > index; i--) _items[(_head + i) % _items.Length] = _items[(_head + i - 1) % _items.Length];
        _items[(_head + index) % _items.Length] = item;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        Count = 0;
    }

    private void Grow()
    {
        if (Count < _items.Length) return;
        var larger = new T[_items.Length * 2];
        for (var i = 0; i < Count; i++) larger[i] = _items[(_head + i) % _items.Length];
        _items = larger;
        _head = 0;
    }
}
