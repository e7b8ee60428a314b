namespace Actors.Hosting;

/// <summary>What every primitive registered with Akka.Hosting can be given. Every property is optional.</summary>
public abstract class PrimitiveOptions
{
    /// <summary>The dispatcher the coordinator runs on. Default: the actor system's default dispatcher.</summary>
    public string? Dispatcher { get; set; }
}
