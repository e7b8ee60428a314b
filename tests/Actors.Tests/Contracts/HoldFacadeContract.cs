using Actors.Owners;

namespace Actors.Tests.Contracts;

/// <summary>
/// The hold contract of the facades whose scoped acquire hands out a <see cref="Lease"/> (ActorLock, ActorRLock,
/// ActorSemaphore unbounded and bounded), on top of the acquire contract and run by the same variants: the lease's
/// <see cref="Lease.HoldLost"/> fires when the coordinator ends the hold (force-release, maximum hold time, owner
/// death) and never for a release; the next holder's lease carries a higher fencing token.
/// </summary>
public abstract class HoldFacadeContract : AcquireFacadeContract
{
    [Fact]
    public async Task Lease_ForceReleased_HoldLostFiresAndNextLeaseHasHigherToken()
    {
        var (a, b) = (NewCaller(), NewCaller());
        var first = await a.EnterAsync(CancellationToken.None);
        var second = b.EnterAsync(CancellationToken.None);
        await Waiters.AwaitAsync(this, a.Facade, 1);

        Assert.Equal(1, await Holding(a).ForceReleaseAsync());

        await Leases.HoldLostAsync(first);
        Assert.Equal(HoldLostReason.ForceReleased, first.LostReason);
        var next = await second.WaitAsync(Patience);
        Assert.True(next.FencingToken > first.FencingToken, $"{next.FencingToken} after {first.FencingToken}");
        var nextLost = next.HoldLost;
        Assert.Equal(1, (await a.Facade.GetStatisticsAsync()).ForcedReleases); // a round trip after the next lease's watch
        Assert.False(nextLost.IsCancellationRequested);
    }

    [Fact]
    public async Task Lease_OutlastsMaxHoldTime_HoldLostFiresAndNextLeaseHasHigherToken()
    {
        var (a, b) = (NewCaller(), NewCaller());
        await Holding(a).SetMaxHoldTimeAsync(TimeSpan.FromMilliseconds(300));
        var first = await a.EnterAsync(CancellationToken.None);
        var next = await b.EnterAsync(CancellationToken.None).WaitAsync(Patience);

        await Leases.HoldLostAsync(first);
        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, first.LostReason);
        Assert.True(next.FencingToken > first.FencingToken, $"{next.FencingToken} after {first.FencingToken}");
        Assert.Equal(1, (await a.Facade.GetStatisticsAsync()).HoldTimeExpiries);
    }

    [Fact]
    public async Task Lease_OwnerDisposed_HoldLostFires()
    {
        var owner = ActorOwner.Create(Sys);
        var lease = await CallerFor(owner.Ref).EnterAsync(CancellationToken.None);

        await owner.DisposeAsync();

        await Leases.HoldLostAsync(lease);
        Assert.Equal(HoldLostReason.OwnerTerminated, lease.LostReason);
    }

    [Fact]
    public async Task Lease_Disposed_HoldLostNeverFires()
    {
        var (a, b) = (NewCaller(), NewCaller());
        var first = await a.EnterAsync(CancellationToken.None);
        var firstLost = first.HoldLost; // watched from here on
        await first.DisposeAsync();
        var second = await b.EnterAsync(CancellationToken.None).WaitAsync(Patience);

        // The next hold is revoked: a notice meant for the first lease would have been sent by now.
        Assert.Equal(1, await Holding(b).ForceReleaseAsync());
        await Leases.HoldLostAsync(second);

        Assert.False(firstLost.IsCancellationRequested);
        Assert.Null(first.LostReason);
    }

    [Fact]
    public async Task Lease_HeldAndUntouched_HoldLostDoesNotFire()
    {
        var a = NewCaller();
        var lease = await a.EnterAsync(CancellationToken.None);
        Assert.True(lease.HoldLost.CanBeCanceled);
        Assert.Equal(0, (await a.Facade.GetStatisticsAsync()).ForcedReleases); // a round trip after the watch
        Assert.False(lease.HoldLost.IsCancellationRequested);
        await lease.DisposeAsync();
    }

    private static HoldingFacade Holding(AcquireCaller caller) => Assert.IsAssignableFrom<HoldingFacade>(caller.Facade);
}
