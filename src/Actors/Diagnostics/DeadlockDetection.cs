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
    internal DeadlockDetection(ExtendedActorSystem system)
    {
        Settings = DeadlockDetectionSettings.FromConfig(system.Settings.Config);
        Detector = Settings.Enabled
            ? system.SystemActorOf(Props.Create(() => new DeadlockDetector(Settings)), "actors-deadlock-detector")
            : ActorRefs.Nobody;
    }

    /// <summary>The settings the detector runs with.</summary>
    public DeadlockDetectionSettings Settings { get; }

    /// <summary>The detector actor; <see cref="ActorRefs.Nobody"/> when detection is disabled.</summary>
    internal IActorRef Detector { get; }

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
