using System.Collections.Concurrent;
using Actors.Cluster.Testing.History;
using Actors.Cluster.Testing.Models;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// A resource guarded by <see cref="FencingTokenGuard"/> that lock holders write to with their fencing token, and that
/// keeps every write for an audit: a refused write is legitimate only if a newer grant (a higher token) exists — the
/// writer was a stale holder, for example on a downed node that had not learnt it yet; and no token may be granted twice.
/// </summary>
public sealed class FencedResource
{
    private readonly FencingTokenGuard _guard = new();
    private readonly ConcurrentQueue<(int Process, long Token, bool Accepted)> _writes = new();

    /// <summary>Writes for <paramref name="process"/> with <paramref name="token"/>; false if the guard refused it.</summary>
    public bool Write(int process, long token)
    {
        var accepted = _guard.TryAccept(token);
        _writes.Enqueue((process, token, accepted));
        return accepted;
    }

    /// <summary>How many writes were accepted and refused.</summary>
    public (int Accepted, int Refused) Counts => (_writes.Count(w => w.Accepted), _writes.Count(w => !w.Accepted));

    /// <summary>The writes that break fencing, judged against the lock's <paramref name="history"/>.</summary>
    public IEnumerable<string> Audit(IEnumerable<Operation> history)
    {
        var grants = history.Where(o => o is { Function: LockModel.Acquire, Outcome: OperationOutcome.Ok, Output: long })
            .Select(o => (long)o.Output!).ToList();
        foreach (var repeated in grants.GroupBy(t => t).Where(g => g.Count() > 1))
            yield return $"token {repeated.Key} was granted {repeated.Count()} times: a fencing token must never repeat";
        var granted = grants.ToHashSet();
        var highest = granted.Count == 0 ? 0 : granted.Max();
        foreach (var (process, token, accepted) in _writes)
        {
            if (!granted.Contains(token)) yield return $"p{process} wrote with token {token}, which no acknowledged grant carried";
            else if (!accepted && token >= highest) yield return $"p{process}'s write with token {token} was refused though no newer grant exists";
        }
    }
}
