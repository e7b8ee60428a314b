using Actors.RLock;
using Actors.Tests.Contracts;

namespace Actors.Tests.RLock;

/// <summary><see cref="ActorRLock"/> runs the facade acquire contract, one owner per caller.</summary>
public sealed class RLockFacadeContractTests : AcquireFacadeContract
{
    protected override IActorRef CreateCoordinator() => ActorRLock.CreateCoordinator(Sys);

    protected override ICaller CallerOf(IActorRef coordinator, IActorRef owner) => new Caller(new ActorRLock(coordinator, owner));

    private sealed class Caller(ActorRLock facade) : ICaller
    {
        public CoordinatorFacade Facade => facade;
        public Task AcquireAsync(CancellationToken cancellationToken = default) => facade.AcquireAsync(cancellationToken);
        public Task<bool> TryAcquireAsync() => facade.TryAcquireAsync();
        public Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => facade.TryAcquireAsync(timeout, cancellationToken);
        public Task<Lease> EnterAsync(CancellationToken cancellationToken = default) => facade.LockAsync(cancellationToken);
        public Task ReleaseAsync() => facade.ReleaseAsync();
        public async Task<bool> IsFreeAsync()
        {
            var state = await facade.GetStateAsync();
            Assert.Equal(state.Owner is null ? 0 : 1, state.Depth); // every hold in the contract is one level deep
            return !state.Locked;
        }
        public async Task<bool?> HoldsAsync() => await facade.IsOwnedAsync();
    }
}
