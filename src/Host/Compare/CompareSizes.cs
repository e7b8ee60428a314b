using Actors.Host.Distributed;

namespace Actors.Host.Compare;

/// <summary>
/// How much work each scenario does and how often it is repeated. Every way of a scenario runs the same sizes,
/// so their throughputs compare; a test shrinks them with <see cref="Tiny"/>.
/// </summary>
internal sealed record CompareSizes
{
    public required string Profile { get; init; }

    /// <summary>Measured runs per scenario and way; the throughput reported is their median.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Untimed runs before the measured ones (JIT, thread pool growth, actor creation paths).</summary>
    public int WarmupRuns { get; init; } = 1;

    public int CounterWorkers { get; init; } = 8;
    public int IncrementsPerWorker { get; init; } = 10_000;

    public int Accounts { get; init; } = 100;
    public int BankWorkers { get; init; } = 8;
    public int TransfersPerWorker { get; init; } = 4_000;

    public int QueueItems { get; init; } = 80_000;
    public int QueueCapacity { get; init; } = 100;
    public int Producers { get; init; } = 2;
    public int Consumers { get; init; } = 2;

    public int IoClients { get; init; } = 32;
    public int IoJobsPerClient { get; init; } = 60;
    public int IoLimit { get; init; } = 8;
    public TimeSpan IoDelay { get; init; } = TimeSpan.FromMilliseconds(1);

    public int BarrierParties { get; init; } = 4;
    public int BarrierPhases { get; init; } = 2_000;

    public int SmallJobs { get; init; } = 20_000;
    public int CpuJobs { get; init; } = 32;
    /// <summary>Each CPU-bound job counts the primes below this bound by trial division.</summary>
    public int CpuPrimeBound { get; init; } = 30_000;

    /// <summary>Jobs of the uneven executor run: one in eight blocks for <see cref="LongJob"/>, the others return at once.</summary>
    public int UnevenJobs { get; init; } = 256;
    /// <summary>Workers of the uneven executor run, in every way that has a pool.</summary>
    public int UnevenWorkers { get; init; } = 4;
    /// <summary>How long a long job of the uneven executor run blocks its thread.</summary>
    public TimeSpan LongJob { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The sizes of <c>compare --distributed</c> in this profile.</summary>
    public DistributedSizes Distributed { get; init; } = new();

    /// <summary>About 15 s on 2 cores.</summary>
    public static CompareSizes Quick => new()
    {
        Profile = "quick", Runs = 5, IncrementsPerWorker = 2_500, TransfersPerWorker = 1_000, QueueItems = 20_000,
        IoJobsPerClient = 20, BarrierPhases = 500, SmallJobs = 5_000, CpuJobs = 16, UnevenJobs = 128,
        Distributed = DistributedSizes.Quick,
    };

    /// <summary>About a minute on 2 cores.</summary>
    public static CompareSizes Default => new() { Profile = "default" };

    /// <summary>Several minutes: bigger runs, more of them.</summary>
    public static CompareSizes Full => new()
    {
        Profile = "full", Runs = 9, IncrementsPerWorker = 40_000, TransfersPerWorker = 16_000, QueueItems = 320_000,
        IoJobsPerClient = 200, BarrierPhases = 8_000, SmallJobs = 80_000, CpuJobs = 64, UnevenJobs = 512,
        Distributed = DistributedSizes.Full,
    };

    /// <summary>For tests: every scenario runs, each in milliseconds.</summary>
    public static CompareSizes Tiny => new()
    {
        Profile = "tiny", Runs = 1, WarmupRuns = 0, CounterWorkers = 4, IncrementsPerWorker = 50, Accounts = 10, BankWorkers = 4,
        TransfersPerWorker = 30, QueueItems = 200, QueueCapacity = 8, IoClients = 6, IoJobsPerClient = 3, IoLimit = 2,
        BarrierParties = 3, BarrierPhases = 10, SmallJobs = 100, CpuJobs = 4, CpuPrimeBound = 2_000, UnevenJobs = 16,
        LongJob = TimeSpan.FromMilliseconds(1), Distributed = DistributedSizes.Tiny,
    };

    /// <summary>The profiles <see cref="ByName"/> knows, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tiny", "quick", "default", "full"];

    public static CompareSizes? ByName(string name) => name switch
    {
        "tiny" => Tiny,
        "quick" => Quick,
        "default" => Default,
        "full" => Full,
        _ => null,
    };
}
