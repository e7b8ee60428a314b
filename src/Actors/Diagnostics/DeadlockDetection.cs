using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// The deadlock detection of an actor system (an Akka extension): one detector actor per system, to which Lock, RLock
/// (and so a Condition's lock), Semaphore and BoundedSemaphore coordinators report their waits. Detected deadlocks are
/// published on the system's event stream as <see cref="DeadlockDetected"/> and logged as warnings.
/// </summary>
/// <remarks>
/// <para>Python detects no deadlocks; its deadlocked threads hang silently.</para>
/// <para>The detection costs nothing while nobody waits: an uncontended acquire or release sends no extra message,
/// a coordinator reports only when a named owner starts or stops waiting, or its holders change while named owners
/// wait, and the detector checks only while it knows of waits. Configure it with <see cref="DeadlockDetectionSettings"/>
/// (HOCON <c>actors.deadlock-detection</c>); the extension starts with the first report.</para>
/// </remarks>
public sealed class DeadlockDetection : IExtension
{
    private readonly Lazy<IActorRef> _ownDetector;
    private IActorRef? _sharedDetector;

    internal DeadlockDetection(ExtendedActorSystem system)
    {
        Settings = DeadlockDetectionSettings.FromConfig(system.Settings.Config);
        _ownDetector = new Lazy<IActorRef>(() => Settings.Enabled
            ? system.SystemActorOf(DetectorProps(Settings), "actors-deadlock-detector")
            : ActorRefs.Nobody);
    }

    /// <summary>The settings the detector runs with.</summary>
    public DeadlockDetectionSettings Settings { get; }

    /// <summary>
    /// Where this system's coordinators report their waits: the system's own detector actor (started on first use),
    /// the one given to <see cref="ReportTo"/>, or <see cref="ActorRefs.Nobody"/> when detection is disabled.
    /// </summary>
    public IActorRef Detector => Volatile.Read(ref _sharedDetector) ?? _ownDetector.Value;

    /// <summary>
    /// The props of a detector actor with <paramref name="settings"/>: it takes <see cref="WaitReports.WaitsChanged"/>
    /// from coordinators, publishes <see cref="DeadlockDetected"/> on the event stream of the system it runs in and
    /// tells the victim's coordinator <see cref="WaitReports.FailWait"/>. For a detector shared by several actor
    /// systems (a cluster singleton); one system's own detector is started by this extension.
    /// </summary>
    public static Props DetectorProps(DeadlockDetectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Props.Create(() => new DeadlockDetector(settings));
    }

    /// <summary>
    /// Makes this system's coordinators report their waits to <paramref name="detector"/> instead of a detector of
    /// their own system, so that the waits of several systems meet in one wait-for graph. Call it before any
    /// coordinator of the system reports (a coordinator keeps the detector it first reported to).
    /// </summary>
    /// <remarks>Ignored when detection is disabled: then nothing is reported at all.</remarks>
    public void ReportTo(IActorRef detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (Settings.Enabled) Volatile.Write(ref _sharedDetector, detector);
    }

    /// <summary>
    /// The deadlocks reported and not broken yet (a cycle leaves this list once one of its waits ends), oldest report
    /// first; empty when detection is disabled.
    /// </summary>
    /// <param name="timeout">How long to wait for the detector's answer.</param>
    /// <exception cref="TimeoutException">The detector did not answer within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<DeadlockDetected>> GetCurrentDeadlocksAsync(TimeSpan timeout)
    {
        if (Detector.IsNobody()) return [];
        try
        {
            var answer = await Detector.Ask<WaitReports.CurrentDeadlocks>(WaitReports.GetDeadlocks.Instance, timeout).ConfigureAwait(false);
            return answer.Deadlocks;
        }
        catch (AskTimeoutException error)
        {
            throw new TimeoutException($"The deadlock detector did not answer within {timeout}.", error);
        }
    }

    /// <summary>The deadlock detection of <paramref name="system"/>, starting it if needed.</summary>
    public static DeadlockDetection Get(ActorSystem system) =>
        (system ?? throw new ArgumentNullException(nameof(system))).WithExtension<DeadlockDetection, DeadlockDetectionProvider>();
}

/// <summary>Creates the <see cref="DeadlockDetection"/> extension of an actor system; use <see cref="DeadlockDetection.Get"/>.</summary>
public sealed class DeadlockDetectionProvider : ExtensionIdProvider<DeadlockDetection>
{
    /// <inheritdoc />
    public override DeadlockDetection CreateExtension(ExtendedActorSystem system) => new(system);
}
