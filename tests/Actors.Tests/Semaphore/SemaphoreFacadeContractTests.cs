using Actors.Semaphore;
using Actors.Tests.Contracts;

namespace Actors.Tests.Semaphore;

/// <summary>
/// <see cref="ActorSemaphore"/> of value 1 runs the facade acquire contract, unbounded here and bounded in
/// <see cref="BoundedSemaphoreFacadeContractTests"/>.
/// </summary>
public class SemaphoreFacadeContractTests : AcquireFacadeContract
{
    /// <summary>Whether the coordinator is a BoundedSemaphore.</summary>
    protected virtual bool Bounded => false;

    protected override IActorRef CreateCoordinator() => Sys.ActorOf(ActorSemaphore.Props(1, Bounded));

    protected override ICaller CallerOf(IActorRef coordinator, IActorRef owner) => new Caller(new ActorSemaphore(coordinator, owner));

    private sealed class Caller(ActorSemaphore facade) : ICaller
    {
        public CoordinatorFacade Facade => facade;
        public Task AcquireAsync(CancellationToken cancellationToken = default) => facade.AcquireAsync(cancellationToken);
        public Task<bool> TryAcquireAsync() => facade.TryAcquireAsync();
        public Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => facade.TryAcquireAsync(timeout, cancellationToken);
        public Task<Lease> EnterAsync(CancellationToken cancellationToken = default) => facade.EnterAsync(cancellationToken);
        public Task ReleaseAsync() => facade.ReleaseAsync();
        public async Task<bool> IsFreeAsync() => await facade.GetValueAsync() == 1;
        public Task<bool?> HoldsAsync() => Task.FromResult<bool?>(null);
    }
}
