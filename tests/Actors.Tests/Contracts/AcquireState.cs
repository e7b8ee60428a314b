namespace Actors.Tests.Contracts;

/// <summary>What the acquire contract reads from a lock-like coordinator's state, whatever its own state record is.</summary>
/// <param name="Free">Whether an acquire would be granted at once (the lock is unlocked, a permit is free).</param>
/// <param name="Waiting">Waiting acquire requests.</param>
/// <param name="HeldByOwners">Grants held by named owners (lock holder, permits counted per owner).</param>
/// <param name="Holder">The holder, where the primitive reports one (Lock, RLock); null where it does not (Semaphore).</param>
/// <param name="FencingToken">The latest fencing token, where the primitive has one (Lock, RLock); null where not.</param>
public sealed record AcquireState(bool Free, int Waiting, int HeldByOwners, IActorRef? Holder, long? FencingToken);
