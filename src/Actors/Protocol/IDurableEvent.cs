namespace Actors.Protocol;

/// <summary>
/// One change of a primitive's durable state, for a primitive whose state is too large to store whole after every
/// message (a queue of a million items): the items put, the items taken, a delivery confirmed. A host that makes such a
/// primitive durable journals the events a message produced (<see cref="Coordination.Coordinator.TakeDurableEvents"/>)
/// before it lets that message's replies go out, and on recovery gives them back in order, after the latest snapshot
/// (<see cref="Coordination.Coordinator.RestoreDurableState"/>), to a new coordinator
/// (<see cref="Coordination.Coordinator.ApplyDurableEvent"/>).
/// </summary>
/// <remarks>Every such record is a plain immutable record, so that a serializer bound to this interface can store it.</remarks>
public interface IDurableEvent;
