using Actors.Barrier;
using Actors.Cluster.Serialization;
using Actors.Condition;
using Actors.Event;
using Actors.Hosting;
using Actors.Lock;
using Actors.Protocol;
using Actors.Queue;
using Actors.RLock;
using Actors.Semaphore;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Actors.Cluster;

/// <summary>
/// The cluster-wide primitives of one actor system: each named primitive is an entity of one Cluster.Sharding region,
/// and the facades returned here are the ordinary ones (<see cref="ActorLock"/>, <see cref="ActorSemaphore"/>,
/// <see cref="ActorQueue{T}"/>, ...) over a reference that addresses that entity. Any node asking for the same kind,
/// configuration and name reaches the same primitive (<see cref="PrimitiveEntityIds"/>).
/// </summary>
/// <remarks>
/// <para>What is the same as in one process: the types, exceptions and guarantees of the facades — timeouts owned by
/// the coordinator, grants that cross a cancellation given back, FIFO order, Python's semantics. Owners on other nodes
/// are watched across the network: when a node is downed, what its owners held is released and their waits dropped.</para>
/// <para>What stays local: the executor, threads and timers carry delegates and are not offered here, and a barrier
/// here has no action (an action is a delegate). Every caller's async continuation, cancellation token and backstop
/// timer run on the caller's node.</para>
/// <para>A lease of <c>LockAsync</c> or <c>EnterAsync</c> here also fires its <see cref="Lease.HoldLost"/> when this
/// node's failure detector marks the primitive's node unreachable, when that node leaves or is downed, and when this
/// node leaves or is downed (see <see cref="IHoldGuard"/>); an actor that holds a primitive learns the same with
/// <see cref="GuardHold"/>.</para>
/// <para>By default the entity's state lives in memory on its node. A node that crashes or hands a shard off takes the
/// state of its primitives with it; they come back empty elsewhere, unless <see cref="ClusterPrimitivesOptions.Persistence"/>
/// is set: then locks, semaphores, events and barriers come back with their holders, permits and fencing tokens, and
/// queues with every acknowledged item, in order, and the deliveries their getters have not confirmed (see
/// <see cref="Persistence.PersistenceOptions.ConfirmDeliveriesWithin"/>).</para>
/// </remarks>
public sealed class ClusterPrimitives : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly ClusterPrimitivesOptions _options;
    private readonly Holds.ClusterHoldGuard _holdGuard;

    private ClusterPrimitives(ExtendedActorSystem system, ClusterPrimitivesOptions options)
    {
        _system = system;
        _options = options;
        EnsureSerializer(system);
        _holdGuard = new Holds.ClusterHoldGuard(system);
        HoldGuards.Register(system, _holdGuard);
        var sharding = ClusterSharding.Get(system);
        // Sharding unwraps ShardingEnvelope itself; every request reaches an entity in one (see ShardedPrimitiveRef).
        var extractor = HashCodeMessageExtractor.Create(options.NumberOfShardsOrDefault, _ => null!, message => message);
        var role = options.Role;
        var hostsEntities = options.ProxyOnly != true && (role is null || Akka.Cluster.Cluster.Get(system).SelfRoles.Contains(role));
        IsHost = hostsEntities;
        Diagnostics.ClusterDeadlockDetection.Start(system, role, hostsEntities);
        var settings = ClusterShardingSettings.Create(system).WithRole(role);
        Region = hostsEntities
            ? options.Persistence is { } persistence
                ? sharding.Start(options.TypeNameOrDefault, entityId => PrimitiveEntityProps.For(entityId, persistence, options.MaxHoldTimeOf(entityId)),
                    WithoutIdlePassivation(system, role), extractor,
                    sharding.DefaultShardAllocationStrategy(settings), Persistence.StopEntity.Instance)
                : sharding.Start(options.TypeNameOrDefault, entityId => PrimitiveEntityProps.For(entityId, options.MaxHoldTimeOf(entityId)), settings, extractor)
            : sharding.StartProxy(options.TypeNameOrDefault, role!, extractor);
    }

    /// <summary>The shard region (or proxy) every request goes through.</summary>
    public IActorRef Region { get; }

    /// <summary>Whether this node hosts primitives (false for a proxy-only node).</summary>
    public bool IsHost { get; }

    /// <summary>
    /// Starts the primitives' shard region on <paramref name="system"/> (a proxy if the node has not got
    /// <see cref="ClusterPrimitivesOptions.Role"/> or is <see cref="ClusterPrimitivesOptions.ProxyOnly"/>) and returns them;
    /// a second call returns the first instance. Start it on every node before the node joins, or at least before it
    /// receives primitive messages.
    /// </summary>
    /// <param name="system">An actor system whose provider is <c>cluster</c>.</param>
    /// <param name="options">The node's settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <see cref="ClusterPrimitivesOptions.MaxHoldTimes"/> names an entity that grants no holds, or a bound that is not positive.
    /// </exception>
    public static ClusterPrimitives Start(ActorSystem system, ClusterPrimitivesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        PrimitiveEntityProps.CheckMaxHoldTimes(options?.MaxHoldTimes);
        return (ClusterPrimitives)system.RegisterExtension(new Id(options ?? new ClusterPrimitivesOptions()));
    }

    /// <summary>The primitives started on <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">They were not started (<see cref="Start"/> or <c>WithClusterPrimitives</c>).</exception>
    public static ClusterPrimitives Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.HasExtension<ClusterPrimitives>()
            ? system.GetExtension<ClusterPrimitives>()
            : throw new InvalidOperationException("Cluster primitives were not started on this actor system: call ClusterPrimitives.Start or WithClusterPrimitives.");
    }

    /// <summary>A reference that delivers every message to the entity <paramref name="entityId"/>, for actors that talk to it by <c>Tell</c>.</summary>
    public IActorRef EntityRef(string entityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        return new ShardedPrimitiveRef(Region, entityId, _system.Provider);
    }

    /// <summary>The cluster-wide <c>threading.Lock</c> named <paramref name="name"/>.</summary>
    /// <param name="name">The lock's name, the same on every node.</param>
    /// <param name="owner">The owner requests are made for; null for the anonymous owner.</param>
    public ActorLock Lock(string name, IActorRef? owner = null) => new(EntityRef(PrimitiveEntityIds.Lock(name)), owner);

    /// <summary>The cluster-wide <c>threading.RLock</c> named <paramref name="name"/>, used by <paramref name="owner"/>.</summary>
    public ActorRLock RLock(string name, IActorRef owner) => new(EntityRef(PrimitiveEntityIds.RLock(name)), owner);

    /// <summary>The condition <paramref name="conditionName"/> of the re-entrant lock <paramref name="lockName"/>, used by <paramref name="owner"/>.</summary>
    public ActorCondition Condition(string lockName, IActorRef owner, string conditionName = ActorCondition.DefaultName) =>
        new(EntityRef(PrimitiveEntityIds.RLock(lockName)), owner, conditionName);

    /// <summary>The cluster-wide semaphore named <paramref name="name"/>: Python's <c>Semaphore(value)</c>, or <c>BoundedSemaphore(value)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public ActorSemaphore Semaphore(string name, int value = 1, bool bounded = false, IActorRef? owner = null) =>
        new(EntityRef(PrimitiveEntityIds.Semaphore(name, value, bounded)), owner);

    /// <summary>The cluster-wide <c>threading.Event</c> named <paramref name="name"/>.</summary>
    public ActorEvent Event(string name, IActorRef? owner = null) => new(EntityRef(PrimitiveEntityIds.Event(name)), owner);

    /// <summary>The cluster-wide <c>threading.Barrier</c> named <paramref name="name"/>, without an action (an action is a delegate and stays local).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below one.</exception>
    public ActorBarrier Barrier(string name, int parties, TimeSpan? defaultTimeout = null, IActorRef? owner = null) =>
        new(EntityRef(PrimitiveEntityIds.Barrier(name, parties, defaultTimeout)), owner);

    /// <summary>The cluster-wide queue named <paramref name="name"/>: <c>Queue</c>, <c>LifoQueue</c> or <c>PriorityQueue</c>.</summary>
    /// <remarks>
    /// Items cross the wire through Akka's serializer for their type. A priority queue orders items by their own
    /// <see cref="IComparable"/> (no comparer crosses the wire).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="QueueKind.Simple"/>; use <see cref="SimpleQueue{T}"/>.</exception>
    public ActorQueue<T> Queue<T>(string name, QueueKind kind = QueueKind.Fifo, int maxSize = 0, IActorRef? owner = null) =>
        kind == QueueKind.Simple
            ? throw new ArgumentException("A SimpleQueue has its own facade: call SimpleQueue<T>.", nameof(kind))
            : new ActorQueue<T>(EntityRef(PrimitiveEntityIds.Queue(name, kind, maxSize)), owner);

    /// <summary>The cluster-wide <c>queue.SimpleQueue</c> named <paramref name="name"/>.</summary>
    public ActorSimpleQueue<T> SimpleQueue<T>(string name, IActorRef? owner = null) =>
        new(EntityRef(PrimitiveEntityIds.Queue(name, QueueKind.Simple, 0)), owner);

    /// <summary>
    /// For an actor that holds a primitive: tells <paramref name="holder"/> <see cref="CoordinatorProtocol.HoldLost"/>
    /// with <paramref name="fencingToken"/> when the hold can no longer be trusted for a network reason — this node
    /// loses contact with <paramref name="coordinatorNode"/> (<see cref="HoldLostReason.CoordinatorUnreachable"/>) or is
    /// itself leaving or downed (<see cref="HoldLostReason.HolderNodeLeaving"/>). The coordinator tells a named owner
    /// itself when it releases the hold (force-release, maximum hold time); this adds what the coordinator cannot say.
    /// </summary>
    /// <param name="holder">The actor to tell.</param>
    /// <param name="fencingToken">The grant's fencing token, echoed in the notice.</param>
    /// <param name="coordinatorNode">The primitive's node: the sender's address of the grant, or of the
    /// <see cref="CoordinatorProtocol.HoldWatched"/> that answers a <see cref="CoordinatorProtocol.WatchHold"/>.</param>
    /// <returns>Dispose it when the hold ends, to stop watching.</returns>
    public IDisposable GuardHold(IActorRef holder, long fencingToken, Address coordinatorNode)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return _holdGuard.Guard(coordinatorNode, reason => holder.Tell(new CoordinatorProtocol.HoldLost(fencingToken, reason), ActorRefs.NoSender));
    }

    /// <summary>This node's guard of the holds handed out on it.</summary>
    internal IHoldGuard HoldGuard => _holdGuard;

    /// <summary>The address of the node where the primitive behind <paramref name="facade"/> lives now (it is created there if it was not).</summary>
    /// <exception cref="ArgumentException">The facade is not one of these cluster primitives.</exception>
    /// <exception cref="TimeoutException">The entity did not answer within <see cref="ClusterPrimitivesOptions.LocateTimeout"/>.</exception>
    public Task<Address> LocateAsync(CoordinatorFacade facade)
    {
        ArgumentNullException.ThrowIfNull(facade);
        return facade.Coordinator is ShardedPrimitiveRef entity
            ? LocateAsync(entity.EntityId)
            : throw new ArgumentException("The facade is not over a cluster primitive.", nameof(facade));
    }

    /// <summary>The address of the node where the entity <paramref name="entityId"/> lives now.</summary>
    /// <exception cref="TimeoutException">The entity did not answer within <see cref="ClusterPrimitivesOptions.LocateTimeout"/>.</exception>
    public async Task<Address> LocateAsync(string entityId)
    {
        ActorIdentity identity;
        try
        {
            identity = await Region.Ask<ActorIdentity>(new ShardingEnvelope(entityId, new Identify(entityId)), _options.LocateTimeoutOrDefault)
                .ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"The primitive '{entityId}' did not answer within {_options.LocateTimeoutOrDefault}.", e);
        }

        var address = identity.Subject?.Path.Address ?? throw new TimeoutException($"The primitive '{entityId}' is not running.");
        return address.HasGlobalScope ? address : Akka.Cluster.Cluster.Get(_system).SelfAddress;
    }

    /// <summary>
    /// The region's settings with Sharding's own idle passivation off: a durable entity passivates itself only when its
    /// primitive is idle (<see cref="Persistence.PersistenceOptions.PassivateIdleAfter"/>), never while it holds anything.
    /// </summary>
    private static ClusterShardingSettings WithoutIdlePassivation(ActorSystem system, string? role)
    {
        var sharding = system.Settings.Config.GetConfig("akka.cluster.sharding");
        return ClusterShardingSettings.Create(Akka.Configuration.ConfigurationFactory.ParseString("passivate-idle-entity-after = off").WithFallback(sharding),
            system.Settings.Config.GetConfig(sharding.GetString("coordinator-singleton"))).WithRole(role);
    }

    private static void EnsureSerializer(ExtendedActorSystem system)
    {
        if (system.Serialization.FindSerializerForType(typeof(CoordinatorProtocol.Cancel)) is PrimitiveMessageSerializer) return;
        var serializer = new PrimitiveMessageSerializer(system);
        system.Serialization.AddSerializer(ClusterPrimitivesConfig.SerializerName, serializer);
        system.Serialization.AddSerializationMap(typeof(IPrimitiveMessage), serializer);
        system.Serialization.AddSerializationMap(typeof(IDurableState), serializer);
        system.Serialization.AddSerializationMap(typeof(IDurableEvent), serializer);
    }

    private sealed class Id(ClusterPrimitivesOptions options) : ExtensionIdProvider<ClusterPrimitives>
    {
        public override ClusterPrimitives CreateExtension(ExtendedActorSystem system) => new(system, options);
    }
}
