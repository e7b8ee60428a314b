namespace Actors.Protocol;

/// <summary>Hands out request ids that are unique within the process, and in practice across the processes of a cluster.</summary>
/// <remarks>
/// A coordinator identifies a waiting request by its owner and its id, so ids need only be unique per owner.
/// Actors that number their own requests may do so; code that acts for the anonymous owner
/// (<see cref="Akka.Actor.ActorRefs.Nobody"/>) shares that owner with every facade — on every node of a cluster, where
/// <c>Nobody</c> is the same owner everywhere — and must take its ids from here. Each process starts at a random point
/// of a 2^62 range, so two processes' ids meet at one coordinator only with negligible probability.
/// </remarks>
public static class RequestIds
{
    private static long _last = Random.Shared.NextInt64(1L << 62);

    /// <summary>Returns a new id, greater than every id returned before in this process.</summary>
    public static long Next() => Interlocked.Increment(ref _last);
}
