using Actors.RLock;
using Actors.Tests.Contracts;

namespace Actors.Tests.RLock;

/// <summary><see cref="ActorRLock"/> runs the facade acquire contract, one owner per caller.</summary>
public sealed class RLockFacadeContractTests : HoldFacadeContract
{
    protected override IActorRef CreateCoordinator() => ActorRLock.CreateCoordinator(Sys);

    protected override AcquireCaller CallerOf(IActorRef coordinator, IActorRef owner)
    {
        var facade = new ActorRLock(coordinator, owner);
        return new AcquireCaller(facade, facade.AcquireAsync, facade.TryAcquireAsync, facade.TryAcquireAsync, facade.LockAsync,
            facade.ReleaseAsync,
            async () =>
            {
                var state = await facade.GetStateAsync();
                Assert.Equal(state.Owner is null ? 0 : 1, state.Depth); // every hold in the contract is one level deep
                return !state.Locked;
            },
            async () => await facade.IsOwnedAsync());
    }
}
