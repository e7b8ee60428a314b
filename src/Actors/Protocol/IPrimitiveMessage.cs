namespace Actors.Protocol;

/// <summary>
/// A message of a primitive's protocol: a request, a reply, or a <see cref="CoordinatorProtocol.Cancel"/>.
/// </summary>
/// <remarks>
/// Every such message is a plain immutable record. The marker lets one serializer be bound to the whole protocol
/// (Akka's <c>serialization-bindings</c> take an interface), so the same records can cross the network between the
/// nodes of a cluster. Messages of the primitives that carry delegates (threads, timers, the executor) stay in one process.
/// </remarks>
public interface IPrimitiveMessage;
