namespace Actors.Host.Distributed;

/// <summary>
/// How much work each scenario of <c>compare --distributed</c> does; every way runs the same sizes. The profile (tiny,
/// quick, default, full) is chosen with the in-process sizes (<see cref="Compare.CompareSizes.Distributed"/>), and the
/// runs per way are theirs too.
/// </summary>
internal sealed record DistributedSizes
{
    /// <summary>Lock and release cycles of the one client alone on one name.</summary>
    public int AloneCycles { get; init; } = 1_000;

    /// <summary>Owners each cycling on a name of their own.</summary>
    public int NamedOwners { get; init; } = 16;

    /// <summary>Cycles of each owner on its own name.</summary>
    public int CyclesPerNamedOwner { get; init; } = 150;

    /// <summary>Owners contending for one name (the 16).</summary>
    public int ContendedOwners { get; init; } = 16;

    /// <summary>Cycles of each contending owner.</summary>
    public int CyclesPerContendedOwner { get; init; } = 60;

    /// <summary>Clients of the semaphore.</summary>
    public int SemaphoreClients { get; init; } = 16;

    /// <summary>Calls of each semaphore client, each holding a permit for <see cref="SemaphoreWork"/>.</summary>
    public int CallsPerSemaphoreClient { get; init; } = 25;

    /// <summary>The semaphore's permits: how many calls may run at once.</summary>
    public int SemaphorePermits { get; init; } = 4;

    /// <summary>The work done while a permit is held: simulated I/O (<see cref="Compare.SimulatedIo"/>) of this length.</summary>
    public TimeSpan SemaphoreWork { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Items through the work queue.</summary>
    public int QueueItems { get; init; } = 2_000;

    /// <summary>Producers putting items into the work queue.</summary>
    public int QueueProducers { get; init; } = 2;

    /// <summary>Consumers taking items from the work queue.</summary>
    public int QueueConsumers { get; init; } = 2;

    /// <summary>About half the default.</summary>
    public static DistributedSizes Quick => new()
    {
        AloneCycles = 400, CyclesPerNamedOwner = 60, CyclesPerContendedOwner = 25, CallsPerSemaphoreClient = 10, QueueItems = 800,
    };

    /// <summary>Twice the default.</summary>
    public static DistributedSizes Full => new()
    {
        AloneCycles = 2_000, CyclesPerNamedOwner = 300, CyclesPerContendedOwner = 120, CallsPerSemaphoreClient = 50, QueueItems = 4_000,
    };

    /// <summary>For tests: a few owners, a few cycles each.</summary>
    public static DistributedSizes Tiny => new()
    {
        AloneCycles = 10, NamedOwners = 3, CyclesPerNamedOwner = 5, ContendedOwners = 4, CyclesPerContendedOwner = 5, SemaphoreClients = 4,
        CallsPerSemaphoreClient = 3, SemaphorePermits = 2, QueueItems = 40, QueueProducers = 2, QueueConsumers = 2,
    };
}
