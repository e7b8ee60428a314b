namespace Actors.Hosting;

/// <summary>Settings of a re-entrant lock registered with <see cref="ActorPrimitivesHostingExtensions.WithActorRLock{TKey}"/>. Besides the common settings, it has the maximum hold time (<see cref="HoldingPrimitiveOptions.MaxHoldTime"/>).</summary>
public sealed class RLockOptions : HoldingPrimitiveOptions
{
}
