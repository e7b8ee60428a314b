using Akka.Actor;

namespace Actors.Protocol;

/// <summary>
/// A request that may wait: it is made for an <see cref="Owner"/>, its <see cref="Timeout"/> belongs to the coordinator,
/// and a <see cref="CoordinatorProtocol.Cancel"/> naming the same owner and request id withdraws it.
/// </summary>
public interface IWaitingRequest : IRequest
{
    /// <summary>
    /// Who waits and will hold what is granted: an actor or an <see cref="Owners.ActorOwner"/>, which the coordinator
    /// watches, or <see cref="ActorRefs.Nobody"/>, the anonymous owner.
    /// </summary>
    IActorRef Owner { get; }

    /// <summary>How long to wait: null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever, zero not at all.</summary>
    TimeSpan? Timeout { get; }
}
