namespace Actors.Cluster.Persistence;

/// <summary>
/// One kind of an entity's clean-up (the events, or the snapshots, behind its latest snapshot), kept to one deletion in
/// flight: two deletions of the same primitive's rows that overlap can deadlock in the store (PostgreSQL does), and the
/// journal runs deletions concurrently. A deletion asked for while one is in flight waits for it, and only the furthest
/// of those is then sent, since it covers the others. A deletion that failed is not sent again: the next snapshot's
/// covers its rows.
/// </summary>
/// <param name="delete">Sends the deletion of everything up to the given sequence number.</param>
internal sealed class SerialDeletion(Action<long> delete)
{
    private bool _inFlight;
    private long _next;

    /// <summary>Deletes everything up to <paramref name="sequenceNr"/> now, or once the deletion in flight has ended.</summary>
    public void Request(long sequenceNr)
    {
        if (_inFlight)
        {
            _next = Math.Max(_next, sequenceNr);
            return;
        }

        _inFlight = true;
        delete(sequenceNr);
    }

    /// <summary>The deletion in flight succeeded or failed: sends the one that waited for it, if any.</summary>
    public void Ended()
    {
        _inFlight = false;
        if (_next == 0) return;
        var next = _next;
        _next = 0;
        Request(next);
    }
}
