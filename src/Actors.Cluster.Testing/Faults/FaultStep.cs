namespace Actors.Cluster.Testing.Faults;

/// <summary>One step of a <see cref="FaultSchedule"/>: a fault, held for a while, then healed, then a calm while.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Hold">How long the fault lasts before the nemesis heals it and restarts what died.</param>
/// <param name="Calm">How long the whole cluster runs after it has recovered, before the next fault.</param>
public sealed record FaultStep(Fault Fault, TimeSpan Hold, TimeSpan Calm)
{
    /// <inheritdoc />
    public override string ToString() => $"{Fault} for {Hold.TotalSeconds:F1} s, then {Calm.TotalSeconds:F1} s calm";
}
