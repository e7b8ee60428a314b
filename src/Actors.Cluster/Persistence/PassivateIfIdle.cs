namespace Actors.Cluster.Persistence;

/// <summary>
/// The timer message of a <see cref="DurableEntity"/> whose coordinator became idle: when it fires and the coordinator is
/// still idle, the entity asks its shard to passivate it. It never leaves its node.
/// </summary>
internal sealed record PassivateIfIdle
{
    /// <summary>The one instance, also the timer's key.</summary>
    public static readonly PassivateIfIdle Instance = new();

    private PassivateIfIdle()
    {
    }
}
