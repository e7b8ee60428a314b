using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// The deadlock-detection settings of an actor system, read once, for the coordinators that report their waits.
/// Kept apart from <see cref="DeadlockDetection"/> so that reading them does not start the detector: it starts only
/// when a coordinator first has a wait to report.
/// </summary>
internal sealed class WaitReporting : IExtension
{
    private WaitReporting(ActorSystem system) => Settings = DeadlockDetectionSettings.FromConfig(system.Settings.Config);

    /// <summary>The system's deadlock-detection settings.</summary>
    public DeadlockDetectionSettings Settings { get; }

    /// <summary>The settings of <paramref name="system"/>.</summary>
    public static DeadlockDetectionSettings SettingsOf(ActorSystem system) => system.WithExtension<WaitReporting, Provider>().Settings;

    private sealed class Provider : ExtensionIdProvider<WaitReporting>
    {
        public override WaitReporting CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
