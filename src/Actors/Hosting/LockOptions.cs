namespace Actors.Hosting;

/// <summary>Settings of a lock registered with <see cref="ActorPrimitivesHostingExtensions.WithActorLock{TKey}"/>. A lock has no settings of its own.</summary>
public sealed class LockOptions : PrimitiveOptions
{
}
