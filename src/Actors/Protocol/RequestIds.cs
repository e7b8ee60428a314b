namespace Actors.Protocol;

/// <summary>Hands out request ids that are unique within the process.</summary>
/// <remarks>
/// A coordinator identifies a waiting request by its owner and its id, so ids need only be unique per owner.
/// Actors that number their own requests may do so; code that acts for the anonymous owner
/// (<see cref="Akka.Actor.ActorRefs.Nobody"/>) shares that owner with every facade and must take its ids from here.
/// </remarks>
public static class RequestIds
{
    private static long _last;

    /// <summary>Returns a new id, greater than every id returned before in this process.</summary>
    public static long Next() => Interlocked.Increment(ref _last);
}
