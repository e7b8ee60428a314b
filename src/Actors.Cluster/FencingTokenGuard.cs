namespace Actors.Cluster;

/// <summary>
/// The guarded resource's side of fencing: remembers the highest fencing token it has accepted and refuses a lower
/// one, so a holder whose grant was superseded (its node was downed, its lock released for it) cannot overwrite the
/// work of the newer holder. Tokens come from a grant (<see cref="Lease.FencingToken"/>,
/// <c>LockProtocol.Acquired.FencingToken</c>) and increase with every grant of one primitive.
/// </summary>
/// <remarks>
/// <para>This one lives in memory, for a resource inside one process. A resource in a database keeps the token in the
/// row and lets the write itself check it, in one statement:</para>
/// <code>
/// UPDATE accounts SET balance = @balance, fencing_token = @token
///  WHERE id = @id AND fencing_token &lt;= @token;   -- 0 rows: a newer holder wrote; the stale holder must stop
/// </code>
/// <para>A holder may present its token many times (one grant, several writes); only a token lower than one already
/// accepted is refused.</para>
/// </remarks>
public sealed class FencingTokenGuard
{
    private long _highest = long.MinValue;

    /// <summary>The highest token accepted so far, or null if none was.</summary>
    public long? Highest => Volatile.Read(ref _highest) is var highest && highest == long.MinValue ? null : highest;

    /// <summary>Accepts <paramref name="token"/> if no higher token was accepted before, and remembers it.</summary>
    /// <returns>False for a stale token: the caller's grant was superseded and it must not touch the resource.</returns>
    public bool TryAccept(long token)
    {
        var current = Volatile.Read(ref _highest);
        while (token >= current)
        {
            var seen = Interlocked.CompareExchange(ref _highest, token, current);
            if (seen == current) return true;
            current = seen;
        }

        return false;
    }
}
