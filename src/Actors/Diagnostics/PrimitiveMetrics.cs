using System.Diagnostics.Metrics;

namespace Actors.Diagnostics;

/// <summary>
/// The library's metrics: one <see cref="Meter"/> named <see cref="MeterName"/> with version <see cref="MeterVersion"/>,
/// following the OpenTelemetry semantic conventions. Every measurement is tagged with <see cref="NameTag"/> (the
/// coordinator's actor name) and <see cref="KindTag"/> (<c>Lock</c>, <c>RLock</c>, <c>Semaphore</c>,
/// <c>BoundedSemaphore</c>, <c>Queue</c>, <c>Executor</c>, ...). Listen with OpenTelemetry
/// (<c>metrics.AddMeter(PrimitiveMetrics.MeterName)</c>), <c>dotnet-counters monitor --counters Actors</c> or a
/// <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// <para>Python's <c>threading</c> has no metrics. The instruments:</para>
/// <list type="table">
/// <item><term><c>actors.primitive.acquisitions</c> (counter, <c>{acquisition}</c>)</term><description>locks, re-entries and permits granted, queue items got, event waits that saw the flag set, barrier passes.</description></item>
/// <item><term><c>actors.primitive.timeouts</c> (counter, <c>{timeout}</c>)</term><description>waits that ended because their timeout passed.</description></item>
/// <item><term><c>actors.primitive.cancellations</c> (counter, <c>{cancellation}</c>)</term><description>waits withdrawn by a cancel.</description></item>
/// <item><term><c>actors.primitive.owner_death_releases</c> (counter, <c>{release}</c>)</term><description>holds released because their owner terminated.</description></item>
/// <item><term><c>actors.primitive.forced_releases</c> (counter, <c>{release}</c>)</term><description>holds revoked by an administrative force-release.</description></item>
/// <item><term><c>actors.primitive.hold_time_expiries</c> (counter, <c>{release}</c>)</term><description>holds released because they outlasted the maximum hold time.</description></item>
/// <item><term><c>actors.primitive.wait.duration</c> (histogram, <c>s</c>)</term><description>how long granted waiters waited.</description></item>
/// <item><term><c>actors.primitive.holder.count</c> (observable up-down counter, <c>{holder}</c>)</term><description>owners holding a lock, a semaphore's permits out.</description></item>
/// <item><term><c>actors.primitive.waiter.count</c> (observable up-down counter, <c>{waiter}</c>)</term><description>requests waiting at a coordinator.</description></item>
/// <item><term><c>actors.queue.length</c> (observable up-down counter, <c>{item}</c>)</term><description>items in a queue.</description></item>
/// <item><term><c>actors.executor.active_jobs</c> (observable up-down counter, <c>{job}</c>)</term><description>executor jobs accepted and not yet finished.</description></item>
/// </list>
/// <para>The current values (holders, waiters, queue length, active jobs) are observable gauges in the wide sense; in
/// OpenTelemetry's terms they are asynchronous up-down counters, because their sum over primitives means something
/// (all waiters of the process), as for .NET's own <c>dotnet.thread_pool.queue.length</c>. Each coordinator publishes
/// its values after every message it handles, into fields of its own that the collection reads with volatile reads: no
/// lock is taken, and a coordinator never waits for a collection.</para>
/// <para>The meter comes from the container's <see cref="IMeterFactory"/> when the actor system was started by
/// Akka.Hosting (or has a <c>DependencyResolverSetup</c>) and the container has one (any .NET host does); otherwise from
/// one static meter shared by the process. Each coordinator keeps the same counts itself and answers
/// <see cref="Protocol.CoordinatorProtocol.GetStatistics"/> with them. An instrument nobody listens to costs a flag test
/// per event.</para>
/// </remarks>
public static class PrimitiveMetrics
{
    /// <summary>The name of the library's meter.</summary>
    public const string MeterName = "Actors";

    /// <summary>The tag carrying the coordinator's actor name.</summary>
    public const string NameTag = "actors.primitive.name";

    /// <summary>The tag carrying the primitive's kind.</summary>
    public const string KindTag = "actors.primitive.kind";

    /// <summary>The counter of grants.</summary>
    public const string AcquisitionsName = "actors.primitive.acquisitions";

    /// <summary>The counter of waits that timed out.</summary>
    public const string TimeoutsName = "actors.primitive.timeouts";

    /// <summary>The counter of waits withdrawn by a cancel.</summary>
    public const string CancellationsName = "actors.primitive.cancellations";

    /// <summary>The counter of holds released because their owner terminated.</summary>
    public const string OwnerDeathReleasesName = "actors.primitive.owner_death_releases";

    /// <summary>The histogram of granted waiters' waits, in seconds.</summary>
    public const string WaitDurationName = "actors.primitive.wait.duration";

    /// <summary>The counter of holds revoked by an administrative force-release.</summary>
    public const string ForcedReleasesName = "actors.primitive.forced_releases";

    /// <summary>The counter of holds released because they outlasted the maximum hold time.</summary>
    public const string HoldTimeExpiriesName = "actors.primitive.hold_time_expiries";

    /// <summary>The current holders of each lock-type primitive.</summary>
    public const string HoldersName = "actors.primitive.holder.count";

    /// <summary>The current waiters of each coordinator.</summary>
    public const string WaitersName = "actors.primitive.waiter.count";

    /// <summary>The current length of each queue.</summary>
    public const string QueueLengthName = "actors.queue.length";

    /// <summary>The current active (queued or running) jobs of each executor.</summary>
    public const string ActiveJobsName = "actors.executor.active_jobs";

    /// <summary>The meter's version: the library's version.</summary>
    public static readonly string MeterVersion = typeof(PrimitiveMetrics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// The wait histogram's bucket boundaries in seconds, from 10 µs to a minute: an uncontended handover takes
    /// microseconds, a contended or I/O-bound wait milliseconds to seconds.
    /// </summary>
    internal static readonly IReadOnlyList<double> WaitDurationBuckets =
        [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60];

    /// <summary>The meter used where no container provides an <see cref="IMeterFactory"/>.</summary>
    internal static readonly Meter FallbackMeter = new(MeterName, MeterVersion);

    /// <summary>Creates the library's meter from <paramref name="factory"/>, with its name and version.</summary>
    internal static Meter CreateMeter(IMeterFactory factory) => factory.Create(new MeterOptions(MeterName) { Version = MeterVersion });
}
