using Actors.Lock;
using Actors.Tests.Contracts;

namespace Actors.Tests.Lock;

/// <summary><see cref="ActorLock"/> runs the facade acquire contract.</summary>
public sealed class LockFacadeContractTests : HoldFacadeContract
{
    protected override IActorRef CreateCoordinator() => Sys.ActorOf(ActorLock.Props());

    protected override AcquireCaller CallerOf(IActorRef coordinator, IActorRef owner)
    {
        var facade = new ActorLock(coordinator, owner);
        return new AcquireCaller(facade, facade.AcquireAsync, facade.TryAcquireAsync, facade.TryAcquireAsync, facade.LockAsync,
            facade.ReleaseAsync,
            async () => !await facade.IsLockedAsync(),
            async () => Equals((await facade.GetStateAsync()).Holder, facade.Owner));
    }
}
