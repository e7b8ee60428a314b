using Actors.Lock;
using Actors.Tests.Contracts;

namespace Actors.Tests.Lock;

/// <summary><see cref="ActorLock"/> runs the facade acquire contract.</summary>
public sealed class LockFacadeContractTests : AcquireFacadeContract
{
    protected override IActorRef CreateCoordinator() => Sys.ActorOf(ActorLock.Props());

    protected override ICaller CallerOf(IActorRef coordinator, IActorRef owner) => new Caller(new ActorLock(coordinator, owner));

    private sealed class Caller(ActorLock facade) : ICaller
    {
        public CoordinatorFacade Facade => facade;
        public Task AcquireAsync(CancellationToken cancellationToken = default) => facade.AcquireAsync(cancellationToken);
        public Task<bool> TryAcquireAsync() => facade.TryAcquireAsync();
        public Task<bool> TryAcquireAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => facade.TryAcquireAsync(timeout, cancellationToken);
        public Task<Lease> EnterAsync(CancellationToken cancellationToken = default) => facade.LockAsync(cancellationToken);
        public Task ReleaseAsync() => facade.ReleaseAsync();
        public async Task<bool> IsFreeAsync() => !await facade.IsLockedAsync();
        public async Task<bool?> HoldsAsync() => Equals((await facade.GetStateAsync()).Holder, facade.Owner);
    }
}
