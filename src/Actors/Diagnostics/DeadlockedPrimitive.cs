using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>A primitive that takes part in a deadlock: its coordinator and its kind.</summary>
/// <param name="Coordinator">The primitive's coordinator actor.</param>
/// <param name="Kind">What the primitive is: <c>Lock</c>, <c>RLock</c>, <c>Semaphore</c> or <c>BoundedSemaphore</c>.</param>
public sealed record DeadlockedPrimitive(IActorRef Coordinator, string Kind)
{
    /// <summary>The coordinator's actor name, as reports print it (unescaped: a cluster entity's name is its escaped id).</summary>
    public string Name => Uri.UnescapeDataString(Coordinator.Path.Name);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind})";
}
