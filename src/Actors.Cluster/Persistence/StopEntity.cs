namespace Actors.Cluster.Persistence;

/// <summary>
/// The message sharding stops an entity of a persisting region with (hand-off, rebalance, passivation) instead of
/// <c>PoisonPill</c>: an entity handles it as an ordinary message, after the requests Akka.Persistence stashed while it
/// recovered or stored a state, so none of them is dropped. It never leaves its node.
/// </summary>
internal sealed record StopEntity
{
    /// <summary>The one instance.</summary>
    public static readonly StopEntity Instance = new();

    private StopEntity()
    {
    }
}
