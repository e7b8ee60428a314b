using System.Globalization;
using Actors.Hosting;

namespace Actors.Cluster;

/// <summary>
/// The entity id of a named primitive: its kind, the configuration it is created with, and its name, e.g.
/// <c>lock:accounts</c>, <c>semaphore:bounded:5:tenant-1</c>, <c>queue:fifo:100:jobs</c>. Every node derives the same
/// id from the same call, so every node reaches the same entity, and the entity can be created from its id alone.
/// </summary>
/// <remarks>
/// The same name with another kind or configuration is another primitive (a <c>Semaphore(name, 5)</c> and a
/// <c>Semaphore(name, 3)</c> are two semaphores), so a configuration never silently changes under its users.
/// </remarks>
public static class PrimitiveEntityIds
{
    internal const string LockKind = "lock";
    internal const string RLockKind = "rlock";
    internal const string SemaphoreKind = "semaphore";
    internal const string EventKind = "event";
    internal const string BarrierKind = "barrier";
    internal const string QueueKind = "queue";
    internal const string NoTimeout = "-";

    /// <summary>The id of the lock named <paramref name="name"/>.</summary>
    public static string Lock(string name) => Join(LockKind, name);

    /// <summary>The id of the re-entrant lock named <paramref name="name"/> (its conditions live in it).</summary>
    public static string RLock(string name) => Join(RLockKind, name);

    /// <summary>The id of the semaphore named <paramref name="name"/> with <paramref name="value"/> permits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static string Semaphore(string name, int value, bool bounded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Join(SemaphoreKind, name, bounded ? "bounded" : "unbounded", Number(value));
    }

    /// <summary>The id of the event named <paramref name="name"/>.</summary>
    public static string Event(string name) => Join(EventKind, name);

    /// <summary>The id of the barrier named <paramref name="name"/> for <paramref name="parties"/> parties.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below one.</exception>
    public static string Barrier(string name, int parties, TimeSpan? defaultTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        var timeout = defaultTimeout is { } t && t != Timeout.InfiniteTimeSpan ? Number((long)t.TotalMilliseconds) : NoTimeout;
        return Join(BarrierKind, name, Number(parties), timeout);
    }

    /// <summary>The id of the queue named <paramref name="name"/> of <paramref name="kind"/>, bounded by <paramref name="maxSize"/> (zero or less: unbounded).</summary>
    public static string Queue(string name, QueueKind kind, int maxSize) =>
        Join(QueueKind, name, kind.ToString().ToLowerInvariant(), Number(Math.Max(0, kind == global::Actors.Hosting.QueueKind.Simple ? 0 : maxSize)));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(string kind, string name, params string[] configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return configuration.Length == 0 ? $"{kind}:{name}" : $"{kind}:{string.Join(':', configuration)}:{name}";
    }
}
