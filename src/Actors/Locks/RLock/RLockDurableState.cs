using Actors.Protocol;
using Akka.Actor;

namespace Actors.RLock;

/// <summary>What of a re-entrant lock outlives its coordinator: its owner, the owner's depth and the latest fencing token.</summary>
/// <param name="Owner">The owner holding the lock, or null when it is free.</param>
/// <param name="Depth">The owner's unreleased acquires; 0 when free.</param>
/// <param name="FencingToken">The token of the latest grant (0 before the first); a restored lock's next grant gets a higher one.</param>
public sealed record RLockDurableState(IActorRef? Owner, int Depth, long FencingToken) : IDurableState
{
    /// <summary>The lock's maximum hold time (<see cref="CoordinatorProtocol.SetMaxHoldTime"/>), or null for none; a state stored before there was one reads as null.</summary>
    public TimeSpan? MaxHoldTime { get; init; }
}
