namespace Actors.Hosting;

/// <summary>Settings of an event registered with <see cref="ActorPrimitivesHostingExtensions.WithActorEvent{TKey}"/>. An event has no settings of its own.</summary>
public sealed class EventOptions : PrimitiveOptions
{
}
