using Akka.Actor;

namespace Actors.Internal;

/// <summary>Identifies a waiting request within a coordinator: request ids are unique per owner.</summary>
internal readonly record struct WaiterKey(IActorRef Owner, long RequestId);
