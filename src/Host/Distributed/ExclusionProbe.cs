namespace Actors.Host.Distributed;

/// <summary>
/// What a run learns about one lock from inside it: how many holders were inside at once (an Interlocked gauge, the
/// instrument), a count that holders increment without synchronisation (a lost update shows overlapping holders even
/// where the gauge's timing missed them), and whether the fencing tokens rose from grant to grant.
/// </summary>
internal sealed class ExclusionProbe
{
    private int _inside;
    private int _maxInside;
    private long _count;
    private long _lastToken = long.MinValue;
    private int _tokens;
    private int _tokenFaults;

    /// <summary>The most holders seen inside at once.</summary>
    public int MaxInside => Volatile.Read(ref _maxInside);

    /// <summary>The unsynchronised count of holds.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>How many holds carried a fencing token.</summary>
    public int Tokens => Volatile.Read(ref _tokens);

    /// <summary>How many tokens were not higher than the one before.</summary>
    public int TokenFaults => Volatile.Read(ref _tokenFaults);

    /// <summary>Marks a holder inside, with its grant's token if the way has them.</summary>
    public void Enter(long? fencingToken)
    {
        var now = Interlocked.Increment(ref _inside);
        for (var seen = Volatile.Read(ref _maxInside); now > seen; seen = Volatile.Read(ref _maxInside))
            if (Interlocked.CompareExchange(ref _maxInside, now, seen) == seen) break;
        var count = Volatile.Read(ref _count);
        Thread.SpinWait(20); // a read-modify-write that takes a moment, so overlapping holders lose updates
        Volatile.Write(ref _count, count + 1);
        if (fencingToken is not { } token) return;
        _tokens++;
        if (token <= _lastToken) _tokenFaults++;
        _lastToken = token;
    }

    /// <summary>Marks the holder gone.</summary>
    public void Exit() => Interlocked.Decrement(ref _inside);

    /// <summary>Whether the probes of a run saw exclusion kept and <paramref name="expected"/> holds counted, and the check's words.</summary>
    public static (bool Correct, string Check) Verdict(IReadOnlyCollection<ExclusionProbe> probes, long expected)
    {
        var count = probes.Sum(p => p.Count);
        var maxInside = probes.Max(p => p.MaxInside);
        var tokens = probes.Sum(p => p.Tokens);
        var faults = probes.Sum(p => p.TokenFaults);
        var fencing = tokens == 0 ? "no fencing tokens" : faults == 0 ? $"fencing tokens rising ({tokens} checked)" : $"{faults} fencing tokens not rising";
        return (count == expected && maxInside <= 1 && faults == 0,
                $"{count} of {expected} holds counted, at most {maxInside} holder{(maxInside == 1 ? "" : "s")} inside at once, {fencing}");
    }
}
