using System.Collections.Immutable;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>What of a semaphore outlives its coordinator: its free permits and who holds the others.</summary>
/// <param name="Value">The free permits.</param>
/// <param name="HeldAnonymously">Permits out to the anonymous owner (unwatched), or released by nobody yet.</param>
/// <param name="HeldBy">Permits held per named owner; each is watched again when the state is restored.</param>
public sealed record SemaphoreDurableState(int Value, int HeldAnonymously, ImmutableDictionary<IActorRef, int> HeldBy) : IDurableState
{
    /// <summary>The token of the latest permit granted (0 before the first, and in a state stored before semaphores had tokens).</summary>
    public long FencingToken { get; init; }

    /// <summary>The semaphore's maximum hold time (<see cref="CoordinatorProtocol.SetMaxHoldTime"/>), or null for none.</summary>
    public TimeSpan? MaxHoldTime { get; init; }
}
