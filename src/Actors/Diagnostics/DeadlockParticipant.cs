using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>One blocked wait of a deadlock: who waits, for what, held by whom, and what the waiter holds itself.</summary>
/// <param name="Owner">The waiting owner (never the anonymous owner, which cannot take part in a deadlock).</param>
/// <param name="RequestId">The id of the waiting acquire.</param>
/// <param name="WaitsFor">The primitive the owner waits for.</param>
/// <param name="WaitsForHeldBy">The owners holding <paramref name="WaitsFor"/>, every one of them blocked in this deadlock.</param>
/// <param name="Holds">The primitives with waiters that <paramref name="Owner"/> holds (at least one of them is waited for in the cycle).</param>
/// <param name="WaitingSince">When the wait began, as the primitive's coordinator saw it.</param>
/// <param name="CanBeFailed">
/// False for a condition waiter that was already woken and is only taking its lock back: it must hold the lock when it
/// returns, so the detector never fails it.
/// </param>
public sealed record DeadlockParticipant(
    IActorRef Owner,
    long RequestId,
    DeadlockedPrimitive WaitsFor,
    IReadOnlyList<IActorRef> WaitsForHeldBy,
    IReadOnlyList<DeadlockedPrimitive> Holds,
    DateTimeOffset WaitingSince,
    bool CanBeFailed)
{
    /// <summary>The owner's actor name, as reports print it.</summary>
    public string OwnerName => Owner.Path.Name;

    /// <summary>One line: who holds what and waits for what, held by whom.</summary>
    public override string ToString()
    {
        var holds = Holds.Count == 0 ? "nothing" : string.Join(", ", Holds);
        return $"{OwnerName} holds {holds}; waits for {WaitsFor}, held by {string.Join(", ", WaitsForHeldBy.Select(o => o.Path.Name))}";
    }
}
