using System.Globalization;
using Actors.Barrier;
using Actors.Cluster.Persistence;
using Actors.Coordination;
using Actors.Event;
using Actors.Hosting;
using Actors.Lock;
using Actors.Queue;
using Actors.RLock;
using Actors.Semaphore;
using Akka.Actor;

namespace Actors.Cluster;

/// <summary>
/// The entity factory of the primitives' shard region: reads the kind and configuration from an entity id made by
/// <see cref="PrimitiveEntityIds"/> and returns the core's own coordinator props for it, so the entity <em>is</em> the
/// coordinator and a request reaches it without an extra hop.
/// </summary>
internal static class PrimitiveEntityProps
{
    /// <summary>The props of the entity <paramref name="entityId"/>; an id no node could have made gets an entity that refuses every request.</summary>
    public static Props For(string entityId) => TryParse(entityId) ?? MalformedEntity.Props(entityId);

    /// <summary>
    /// The props of the entity <paramref name="entityId"/> in memory, a lock, re-entrant lock or semaphore starting with
    /// <paramref name="maxHoldTime"/> (<see cref="ClusterPrimitivesOptions.MaxHoldTimes"/>); null: as <see cref="For(string)"/>.
    /// </summary>
    public static Props For(string entityId, TimeSpan? maxHoldTime) =>
        maxHoldTime is not null && HoldingBehavior(entityId) is { } behavior
            ? Coordinator.PropsOf(() => behavior().WithMaxHoldTime(maxHoldTime))
            : For(entityId);

    /// <summary>
    /// The props of the entity <paramref name="entityId"/> with its durable state persisted: a lock, re-entrant lock,
    /// semaphore, event, barrier or queue is the core's behaviour hosted by a <see cref="DurableEntity"/>; a malformed id
    /// is as <see cref="For(string)"/> makes it, in a host that stops on <see cref="StopEntity"/>. A lock, re-entrant lock
    /// or semaphore starts with <paramref name="maxHoldTime"/>, unless it recovers a bound of its own.
    /// </summary>
    public static Props For(string entityId, PersistenceOptions persistence, TimeSpan? maxHoldTime = null) =>
        TryBehavior(entityId, persistence) is { } behavior
            ? DurableEntity.Props(entityId, maxHoldTime is null ? behavior : () => behavior().WithMaxHoldTime(maxHoldTime), persistence)
            : StoppableEntity.Props(For(entityId));

    /// <summary>Checks that every bound names a lock, re-entrant lock or semaphore and is positive.</summary>
    /// <exception cref="ArgumentException">One does not.</exception>
    public static void CheckMaxHoldTimes(IReadOnlyDictionary<string, TimeSpan>? maxHoldTimes)
    {
        foreach (var (entityId, limit) in maxHoldTimes ?? new Dictionary<string, TimeSpan>())
        {
            if (HoldingBehavior(entityId) is null)
                throw new ArgumentException($"A maximum hold time is for a lock, re-entrant lock or semaphore; '{entityId}' is none (see PrimitiveEntityIds).",
                    nameof(maxHoldTimes));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(maxHoldTimes));
        }
    }

    /// <summary>The factory of the coordinator behaviour an id stands for, for the kinds that have a durable state.</summary>
    private static Func<Coordinator>? TryBehavior(string entityId, PersistenceOptions persistence)
    {
        if (HoldingBehavior(entityId) is { } holding) return holding;
        if (TryParse(entityId) is null) return null;
        var fields = entityId.Split(':');
        return KindOf(entityId) switch
        {
            PrimitiveEntityIds.EventKind => ActorEvent.Behavior,
            PrimitiveEntityIds.BarrierKind => () => ActorBarrier.Behavior(Count(fields[1])!.Value, defaultTimeout: BarrierTimeout(fields[2])),
            PrimitiveEntityIds.QueueKind => DurableQueueBehavior(Enum.Parse<QueueKind>(fields[1], ignoreCase: true), Count(fields[2])!.Value,
                persistence.ConfirmDeliveriesWithinOrDefault),
            _ => null,
        };
    }

    /// <summary>The factory of the coordinator behaviour of a well-formed lock, re-entrant lock or semaphore id; null for any other.</summary>
    private static Func<Coordinator>? HoldingBehavior(string entityId)
    {
        if (TryParse(entityId) is null) return null;
        var fields = entityId.Split(':');
        return KindOf(entityId) switch
        {
            PrimitiveEntityIds.LockKind => ActorLock.Behavior,
            PrimitiveEntityIds.RLockKind => ActorRLock.Behavior,
            PrimitiveEntityIds.SemaphoreKind => () => ActorSemaphore.Behavior(Count(fields[2])!.Value, bounded: fields[1] == "bounded"),
            _ => null,
        };
    }

    /// <remarks>Items are ordered as in <see cref="QueueProps"/>.</remarks>
    private static Func<Coordinator> DurableQueueBehavior(QueueKind kind, int maxSize, TimeSpan confirmWithin) => kind switch
    {
        QueueKind.Lifo => () => ActorQueue<object>.DurableLifoBehavior(maxSize, confirmWithin),
        QueueKind.Priority => () => ActorQueue<object>.DurablePriorityBehavior(null, maxSize, confirmWithin),
        QueueKind.Simple => () => ActorSimpleQueue<object>.DurableBehavior(confirmWithin),
        _ => () => ActorQueue<object>.DurableBehavior(maxSize, confirmWithin),
    };

    private static TimeSpan? BarrierTimeout(string field) =>
        field == PrimitiveEntityIds.NoTimeout ? null : TimeSpan.FromMilliseconds(Count(field)!.Value);

    private static string KindOf(string entityId) => entityId.Split(':', 2)[0];

    private static Props? TryParse(string entityId)
    {
        var kind = KindOf(entityId);
        var fields = entityId.Split(':');
        return kind switch
        {
            PrimitiveEntityIds.LockKind when fields.Length >= 2 => ActorLock.Props(),
            PrimitiveEntityIds.RLockKind when fields.Length >= 2 => ActorRLock.Props(),
            PrimitiveEntityIds.EventKind when fields.Length >= 2 => ActorEvent.Props(),
            PrimitiveEntityIds.SemaphoreKind when fields.Length >= 4 && Count(fields[2]) is { } value && fields[1] is "bounded" or "unbounded" =>
                ActorSemaphore.Props(value, bounded: fields[1] == "bounded"),
            PrimitiveEntityIds.BarrierKind when fields.Length >= 4 && Count(fields[1]) is >= 1 and var parties =>
                BarrierProps(parties, fields[2]),
            PrimitiveEntityIds.QueueKind when fields.Length >= 4 && Count(fields[2]) is { } maxSize => QueueProps(fields[1], maxSize),
            _ => null,
        };
    }

    private static Props? BarrierProps(int parties, string timeout) => timeout == PrimitiveEntityIds.NoTimeout
        ? ActorBarrier.Props(parties)
        : Count(timeout) is { } milliseconds ? ActorBarrier.Props(parties, defaultTimeout: TimeSpan.FromMilliseconds(milliseconds)) : null;

    /// <remarks>
    /// Items arrive as objects whose .NET type the entity does not know in advance; a priority queue orders them with
    /// <see cref="Comparer{T}.Default"/> of <see cref="object"/>, that is by <see cref="IComparable"/>.
    /// </remarks>
    private static Props? QueueProps(string kind, int maxSize) =>
        Enum.TryParse<QueueKind>(kind, ignoreCase: true, out var queueKind) && kind == queueKind.ToString().ToLowerInvariant()
            ? queueKind switch
            {
                QueueKind.Lifo => ActorQueue<object>.LifoProps(maxSize),
                QueueKind.Priority => ActorQueue<object>.PriorityProps(maxSize: maxSize),
                QueueKind.Simple => ActorSimpleQueue<object>.Props(),
                _ => ActorQueue<object>.Props(maxSize),
            }
            : null;

    private static int? Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
