using System.Collections.Immutable;
using Actors.Protocol;
using Akka.Actor;

namespace Actors.Semaphore;

/// <summary>What of a semaphore outlives its coordinator: its free permits and who holds the others.</summary>
/// <param name="Value">The free permits.</param>
/// <param name="HeldAnonymously">Permits out to the anonymous owner (unwatched), or released by nobody yet.</param>
/// <param name="HeldBy">Permits held per named owner; each is watched again when the state is restored.</param>
public sealed record SemaphoreDurableState(int Value, int HeldAnonymously, ImmutableDictionary<IActorRef, int> HeldBy) : IDurableState;
