namespace Actors.Protocol;

/// <summary>
/// What of a primitive must outlive its coordinator's actor: a lock's holder and fencing token, a semaphore's permits
/// and their holders, an event's flag, a barrier's rounds. A host that makes a primitive durable persists it
/// (<see cref="Coordination.Coordinator.CaptureDurableState"/>) before it lets the replies that depend on it go out,
/// and gives it back to a new coordinator (<see cref="Coordination.Coordinator.RestoreDurableState"/>).
/// </summary>
/// <remarks>
/// Waiting requests are not part of it: a wait belongs to a live caller, who learns of a lost wait from its own
/// timeout. Every such record is a plain immutable record, so that a serializer bound to this interface can store it.
/// </remarks>
public interface IDurableState;
