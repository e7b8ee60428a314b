using Actors.Internal;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>
/// The permits a semaphore has out, one <see cref="Hold"/> each: by fencing token, and per owner (the anonymous owner
/// included) oldest first, so a release that names no grant takes the owner's oldest permit.
/// </summary>
internal sealed class PermitHolds
{
    private readonly Dictionary<long, Hold> _byToken = new();
    private readonly Dictionary<IActorRef, SortedSet<long>> _byOwner = new();

    /// <summary>The permit granted with <paramref name="fencingToken"/>, if it is still out.</summary>
    public Hold? Find(long fencingToken) => _byToken.GetValueOrDefault(fencingToken);

    public void Add(Hold hold)
    {
        _byToken.Add(hold.FencingToken, hold);
        if (!_byOwner.TryGetValue(hold.Owner, out var tokens)) _byOwner[hold.Owner] = tokens = [];
        tokens.Add(hold.FencingToken);
    }

    public void Remove(Hold hold)
    {
        if (!_byToken.Remove(hold.FencingToken)) return;
        var tokens = _byOwner[hold.Owner];
        tokens.Remove(hold.FencingToken);
        // The anonymous owner's set is kept: it empties and fills on every permit of an anonymous acquire/release loop.
        if (tokens.Count == 0 && !hold.Owner.IsNobody()) _byOwner.Remove(hold.Owner);
    }

    /// <summary>Takes out up to <paramref name="count"/> of <paramref name="owner"/>'s permits, oldest first.</summary>
    public List<Hold> TakeOldest(IActorRef owner, int count)
    {
        var taken = new List<Hold>();
        if (count <= 0 || !_byOwner.TryGetValue(owner, out var tokens)) return taken;
        foreach (var token in tokens)
        {
            if (taken.Count == count) break;
            taken.Add(_byToken[token]);
        }

        foreach (var hold in taken) Remove(hold);
        return taken;
    }

    /// <summary>Takes out every permit of <paramref name="owner"/>.</summary>
    public List<Hold> TakeAllOf(IActorRef owner) => TakeOldest(owner, int.MaxValue);

    /// <summary>Takes out every permit, oldest first.</summary>
    public List<Hold> TakeAll()
    {
        var all = _byToken.Values.OrderBy(hold => hold.FencingToken).ToList();
        _byToken.Clear();
        _byOwner.Clear();
        return all;
    }
}
