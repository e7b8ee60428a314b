using Actors.Semaphore;
using Actors.Tests.Contracts;

namespace Actors.Tests.Semaphore;

/// <summary>
/// <see cref="ActorSemaphore"/> of value 1 runs the facade acquire contract, unbounded here and bounded in
/// <see cref="BoundedSemaphoreFacadeContractTests"/>. A semaphore does not say which owner holds a permit.
/// </summary>
public class SemaphoreFacadeContractTests : HoldFacadeContract
{
    /// <summary>Whether the coordinator is a BoundedSemaphore.</summary>
    protected virtual bool Bounded => false;

    protected override IActorRef CreateCoordinator() => Sys.ActorOf(ActorSemaphore.Props(1, Bounded));

    protected override AcquireCaller CallerOf(IActorRef coordinator, IActorRef owner)
    {
        var facade = new ActorSemaphore(coordinator, owner);
        return new AcquireCaller(facade, facade.AcquireAsync, facade.TryAcquireAsync, facade.TryAcquireAsync, facade.EnterAsync,
            () => facade.ReleaseAsync(),
            async () => await facade.GetValueAsync() == 1,
            () => Task.FromResult<bool?>(null));
    }
}
