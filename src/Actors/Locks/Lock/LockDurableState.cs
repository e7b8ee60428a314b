using Actors.Protocol;
using Akka.Actor;

namespace Actors.Lock;

/// <summary>What of a lock outlives its coordinator: who holds it and the latest fencing token.</summary>
/// <param name="Holder">The owner holding the lock (<see cref="ActorRefs.Nobody"/> for an anonymous holder), or null when it is free.</param>
/// <param name="FencingToken">The token of the latest grant (0 before the first); a restored lock's next grant gets a higher one.</param>
public sealed record LockDurableState(IActorRef? Holder, long FencingToken) : IDurableState
{
    /// <summary>The lock's maximum hold time (<see cref="CoordinatorProtocol.SetMaxHoldTime"/>), or null for none; a state stored before there was one reads as null.</summary>
    public TimeSpan? MaxHoldTime { get; init; }
}
