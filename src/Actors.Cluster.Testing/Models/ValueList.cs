using System.Collections.Immutable;

namespace Actors.Cluster.Testing.Models;

/// <summary>An immutable list with value equality, for the states of the models (the checker memoises states).</summary>
/// <typeparam name="T">The element type, with value equality.</typeparam>
public sealed class ValueList<T> : IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;
    private readonly int _hash;

    private ValueList(ImmutableArray<T> items)
    {
        _items = items;
        var hash = new HashCode();
        foreach (var item in items) hash.Add(item);
        _hash = hash.ToHashCode();
    }

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <summary>The elements.</summary>
    public ImmutableArray<T> Items => _items;

    /// <summary>How many elements.</summary>
    public int Count => _items.Length;

    /// <summary>The list with <paramref name="item"/> added at the end.</summary>
    public ValueList<T> Add(T item) => new(_items.Add(item));

    /// <summary>The list without the element at <paramref name="index"/>.</summary>
    public ValueList<T> RemoveAt(int index) => new(_items.RemoveAt(index));

    /// <summary>The list without any element equal to <paramref name="item"/>.</summary>
    public ValueList<T> RemoveAll(T item) => new(_items.RemoveAll(x => EqualityComparer<T>.Default.Equals(x, item)));

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) => other is not null && _hash == other._hash && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}
