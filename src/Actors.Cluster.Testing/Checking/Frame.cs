namespace Actors.Cluster.Testing.Checking;

/// <summary>
/// One choice of the search: an operation linearized on top of its parent's prefix. Immutable and shared, so the
/// deepest prefix reached is kept by reference, not copied at every backtrack.
/// </summary>
internal sealed class Frame<TState>(int call, TState before, bool forced, Frame<TState>? parent)
{
    public int Call { get; } = call;

    public TState Before { get; } = before;

    /// <summary>Whether the choice needs no alternative (a required operation that changed nothing).</summary>
    public bool Forced { get; } = forced;

    public Frame<TState>? Parent { get; } = parent;

    public int Depth { get; } = (parent?.Depth ?? 0) + 1;

    /// <summary>The calls from the first choice to <paramref name="top"/>.</summary>
    public static IEnumerable<int> Calls(Frame<TState>? top)
    {
        var calls = new List<int>();
        for (var frame = top; frame is not null; frame = frame.Parent) calls.Add(frame.Call);
        calls.Reverse();
        return calls;
    }
}
