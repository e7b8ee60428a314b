using Actors.Internal;
using Actors.Protocol;
using Akka.Actor;

namespace Actors;

/// <summary>
/// What the async facades share: the coordinator actor they send requests to, and the owner they act for.
/// A facade holds no state of the primitive; it can be shared freely and recreated from these two references.
/// </summary>
public abstract class CoordinatorFacade
{
    private protected CoordinatorFacade(IActorRef coordinator, IActorRef? owner)
    {
        Coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
        Owner = owner ?? ActorRefs.Nobody;
    }

    /// <summary>The coordinator actor that holds the primitive's state.</summary>
    public IActorRef Coordinator { get; }

    /// <summary>
    /// The owner requests are made for: an actor or an <see cref="Owners.ActorOwner"/>, watched by the coordinator, or
    /// <see cref="ActorRefs.Nobody"/>, the anonymous owner, which is not watched.
    /// </summary>
    public IActorRef Owner { get; }

    /// <summary>
    /// The coordinator's counts (grants, timeouts, cancellations, owner-death releases), wait times, holders and
    /// waiters: its answer to <see cref="CoordinatorProtocol.GetStatistics"/>.
    /// </summary>
    public async Task<CoordinatorProtocol.Statistics> GetStatisticsAsync()
    {
        return await CoordinatorClient.RequestAsync(Coordinator, new CoordinatorProtocol.GetStatistics(RequestIds.Next())).ConfigureAwait(false);
    }

    /// <summary>Creates a coordinator from <paramref name="props"/> under <paramref name="factory"/>, named if a name is given.</summary>
    private protected static IActorRef Spawn(IActorRefFactory factory, Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return name is null ? factory.ActorOf(props) : factory.ActorOf(props, name);
    }
}
