namespace Actors.Hosting;

/// <summary>Settings of a semaphore registered with <see cref="ActorPrimitivesHostingExtensions.WithActorSemaphore{TKey}"/>.</summary>
public sealed class SemaphoreOptions : HoldingPrimitiveOptions
{
    /// <summary>The free permits at the start (Python's <c>value</c>). Default: 1.</summary>
    public int? InitialValue { get; set; }

    /// <summary>True for a <c>BoundedSemaphore</c>, whose releases may not raise it above its initial value. Default: false.</summary>
    public bool? Bounded { get; set; }
}
