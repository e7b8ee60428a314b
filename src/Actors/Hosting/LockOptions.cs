namespace Actors.Hosting;

/// <summary>Settings of a lock registered with <see cref="ActorPrimitivesHostingExtensions.WithActorLock{TKey}"/>. Besides the common settings, it has the maximum hold time (<see cref="HoldingPrimitiveOptions.MaxHoldTime"/>).</summary>
public sealed class LockOptions : HoldingPrimitiveOptions
{
}
