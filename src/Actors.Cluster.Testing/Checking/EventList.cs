using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Checking;

/// <summary>
/// The call and return events of one key's operations in time order, as a doubly linked list that the search lifts
/// operations out of and puts back in (dancing links). An operation of unknown outcome has a call and no return: it never
/// forces the search back, and may be linearized anywhere after its call, or not at all.
/// </summary>
internal sealed class EventList
{
    private const int Head = 0;
    private readonly int[] _next;
    private readonly int[] _previous;
    private readonly int[] _operation;
    private readonly bool[] _isCall;
    private readonly int[] _returnOf;

    public EventList(IReadOnlyList<Operation> operations)
    {
        var events = new List<(long Time, bool IsCall, int Operation)>();
        for (var i = 0; i < operations.Count; i++)
        {
            events.Add((operations[i].InvokedAt, true, i));
            if (operations[i].Outcome == OperationOutcome.Ok) events.Add((operations[i].CompletedAt, false, i));
        }

        // Calls before returns at the same instant: two operations that touch in time are treated as concurrent.
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : b.IsCall.CompareTo(a.IsCall));
        var count = events.Count + 1;
        _next = new int[count];
        _previous = new int[count];
        _operation = new int[count];
        _isCall = new bool[count];
        _returnOf = Enumerable.Repeat(-1, operations.Count).ToArray();
        CallOf = new int[operations.Count];
        for (var node = 1; node < count; node++)
        {
            var (_, isCall, operation) = events[node - 1];
            _operation[node] = operation;
            _isCall[node] = isCall;
            if (isCall) CallOf[operation] = node;
            else _returnOf[operation] = node;
        }

        for (var node = 0; node < count; node++)
        {
            _next[node] = node + 1 < count ? node + 1 : -1;
            _previous[node] = node - 1;
        }
    }

    /// <summary>The call event of each operation.</summary>
    public int[] CallOf { get; }

    /// <summary>The first event still in the list, or -1.</summary>
    public int First => _next[Head];

    public int Next(int node) => _next[node];

    public int OperationOf(int node) => _operation[node];

    public bool IsCall(int node) => _isCall[node];

    /// <summary>Takes an operation's call and return out of the list.</summary>
    public void Lift(int call)
    {
        Unlink(call);
        if (_returnOf[_operation[call]] is var ret and >= 0) Unlink(ret);
    }

    /// <summary>Puts back what the matching <see cref="Lift"/> took out (in reverse order of lifting).</summary>
    public void Unlift(int call)
    {
        if (_returnOf[_operation[call]] is var ret and >= 0) Relink(ret);
        Relink(call);
    }

    private void Unlink(int node)
    {
        _next[_previous[node]] = _next[node];
        if (_next[node] >= 0) _previous[_next[node]] = _previous[node];
    }

    private void Relink(int node)
    {
        _next[_previous[node]] = node;
        if (_next[node] >= 0) _previous[_next[node]] = node;
    }
}
