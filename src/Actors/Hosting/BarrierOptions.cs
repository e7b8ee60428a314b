namespace Actors.Hosting;

/// <summary>Settings of a barrier registered with <see cref="ActorPrimitivesHostingExtensions.WithActorBarrier{TKey}"/>.</summary>
public sealed class BarrierOptions : PrimitiveOptions
{
    /// <summary>How many parties make a round (Python's <c>parties</c>). Required: there is no default.</summary>
    public int? Parties { get; set; }

    /// <summary>Runs once per round before the parties leave (Python's <c>action</c>). Default: none.</summary>
    public Func<Task>? Action { get; set; }

    /// <summary>The timeout of a wait that names none (Python's <c>timeout</c>). Default: none, waits for ever.</summary>
    public TimeSpan? DefaultTimeout { get; set; }
}
