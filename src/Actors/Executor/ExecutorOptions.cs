namespace Actors.Executor;

/// <summary>Settings of an <see cref="ActorExecutor"/> (Python's <c>ThreadPoolExecutor</c> arguments). Every property is optional.</summary>
public sealed class ExecutorOptions
{
    /// <summary>
    /// The number of worker actors, each with a thread of its own. Default: <c>min(32, processors + 4)</c>, as in Python.
    /// </summary>
    public int? MaxWorkers { get; set; }

    /// <summary>
    /// Runs in each worker when it starts, on its own thread, before any job (Python's <c>initializer</c>; capture any <c>initargs</c> in the delegate).
    /// If it throws, the executor is broken. Default: none.
    /// </summary>
    public Action? Initializer { get; set; }

    /// <summary>The coordinator's actor name. Default: a generated name.</summary>
    public string? Name { get; set; }

    /// <summary>The worker count these options ask for, or Python's default.</summary>
    internal int ResolvedMaxWorkers => MaxWorkers ?? Math.Min(32, Environment.ProcessorCount + 4);
}
