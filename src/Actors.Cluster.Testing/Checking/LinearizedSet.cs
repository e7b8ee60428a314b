namespace Actors.Cluster.Testing.Checking;

/// <summary>The set of operations linearized so far, as bits; copied into the memo cache with the state it led to.</summary>
internal sealed class LinearizedSet : IEquatable<LinearizedSet>
{
    private readonly ulong[] _words;

    public LinearizedSet(int size) => _words = new ulong[(size + 63) / 64];

    private LinearizedSet(ulong[] words) => _words = words;

    public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

    public void Clear(int index) => _words[index >> 6] &= ~(1UL << (index & 63));

    public bool IsSubsetOf(LinearizedSet other)
    {
        for (var i = 0; i < _words.Length; i++)
            if ((_words[i] & ~other._words[i]) != 0) return false;
        return true;
    }

    public LinearizedSet Copy() => new((ulong[])_words.Clone());

    public bool Equals(LinearizedSet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as LinearizedSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _words) hash.Add(word);
        return hash.ToHashCode();
    }
}
