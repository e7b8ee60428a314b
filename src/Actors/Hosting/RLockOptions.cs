namespace Actors.Hosting;

/// <summary>Settings of a re-entrant lock registered with <see cref="ActorPrimitivesHostingExtensions.WithActorRLock{TKey}"/>. It has no settings of its own.</summary>
public sealed class RLockOptions : PrimitiveOptions
{
}
