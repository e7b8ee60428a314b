namespace Actors.Cluster;

/// <summary>How a node takes part in the cluster primitives (see <see cref="ClusterPrimitives.Start"/>).</summary>
public sealed class ClusterPrimitivesOptions
{
    /// <summary>The shard region's type name; every node must use the same one. Default <c>actors-primitives</c>.</summary>
    public string? TypeName { get; init; }

    /// <summary>
    /// The cluster role of the nodes that host primitives; null (the default) for every node. A node without the role
    /// reaches the primitives through a proxy and hosts none.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>True to host no primitives on this node even if it has <see cref="Role"/>: only a proxy. Default false.</summary>
    public bool? ProxyOnly { get; init; }

    /// <summary>How many shards the primitives are spread over; the same on every node. Default 100 (ten per node of a ten-node cluster).</summary>
    public int? NumberOfShards { get; init; }

    /// <summary>How long <see cref="ClusterPrimitives.LocateAsync(string)"/> waits for the entity's answer. Default 10 s.</summary>
    public TimeSpan? LocateTimeout { get; init; }

    /// <summary>
    /// Where locks, re-entrant locks, semaphores, events and barriers journal their durable state (holders, permits,
    /// fencing tokens, flags, rounds) and queues their changes (items put, taken, confirmed), so that an entity started
    /// again — after a hand-off, a rebalance, a passivation or the crash of its node — comes back with it; null (the
    /// default) keeps state in memory only. Waiting requests never are: a caller learns of a lost wait from its own timeout.
    /// </summary>
    public Persistence.PersistenceOptions? Persistence { get; init; }

    /// <summary>
    /// The maximum hold time of named locks, re-entrant locks and semaphores, by entity id
    /// (<c>[PrimitiveEntityIds.Lock("accounts")] = TimeSpan.FromSeconds(30)</c>); null (the default) for none. Each such
    /// primitive starts with its bound: a hold that outlasts it is released, its holder's <see cref="Lease.HoldLost"/>
    /// fires, and the next waiter is granted with a higher fencing token. Give every node that hosts primitives the same.
    /// </summary>
    /// <remarks>
    /// A bound set at run time (<c>SetMaxHoldTimeAsync</c>) replaces the registered one; with <see cref="Persistence"/>
    /// it is journalled, and after a restart or fail-over the recovered bound wins over this one (a warning is logged
    /// when they differ), so the primitive behaves as it did before its node died. The registered bound itself is not
    /// journalled: a changed registration applies when the primitive next starts, unless a bound was set at run time.
    /// </remarks>
    public IReadOnlyDictionary<string, TimeSpan>? MaxHoldTimes { get; init; }

    internal TimeSpan? MaxHoldTimeOf(string entityId) => MaxHoldTimes is { } bounds && bounds.TryGetValue(entityId, out var limit) ? limit : null;

    internal string TypeNameOrDefault => TypeName ?? "actors-primitives";

    internal int NumberOfShardsOrDefault => NumberOfShards ?? 100;

    internal TimeSpan LocateTimeoutOrDefault => LocateTimeout ?? TimeSpan.FromSeconds(10);
}
