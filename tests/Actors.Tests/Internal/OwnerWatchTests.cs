using Actors.Internal;

namespace Actors.Tests.Internal;

/// <summary>DeathWatch bookkeeping: watched once while holding or waiting, no churn per acquire/release cycle.</summary>
public sealed class OwnerWatchTests : CoordinatorTestKit
{
    private readonly List<IActorRef> _watched = new();
    private readonly List<IActorRef> _unwatched = new();
    private readonly OwnerWatch _watch;

    public OwnerWatchTests() => _watch = new OwnerWatch(_watched.Add, _unwatched.Add);

    [Fact]
    public void Owner_AcquiresAndReleasesManyTimes_IsWatchedOnceAndNeverUnwatched()
    {
        var owner = CreateTestProbe().Ref;
        for (var i = 0; i < 10_000; i++)
        {
            _watch.Add(owner);
            _watch.Remove(owner);
        }

        Assert.Equal([owner], _watched);
        Assert.Empty(_unwatched);
    }

    [Fact]
    public void Owner_HoldsAndWaits_IsWatchedOnceUntilEveryReasonIsGone()
    {
        var owner = CreateTestProbe().Ref;
        _watch.Add(owner);
        _watch.Add(owner, 3);
        _watch.Remove(owner, 3);
        Assert.Single(_watched);
        Assert.Equal(1, _watch.Watched);
    }

    [Fact]
    public void IdleOwners_BeyondTheLimit_OldestAreUnwatched()
    {
        var owners = Enumerable.Range(0, OwnerWatch.IdleLimit + 10).Select(_ => CreateTestProbe().Ref).ToList();
        foreach (var owner in owners)
        {
            _watch.Add(owner);
            _watch.Remove(owner);
        }

        Assert.Equal(owners.Take(10), _unwatched);
        Assert.Equal(OwnerWatch.IdleLimit, _watch.Watched);
    }

    [Fact]
    public void IdleOwner_ActiveAgainWhenEvicted_StaysWatched()
    {
        var first = CreateTestProbe().Ref;
        _watch.Add(first);
        _watch.Remove(first);
        _watch.Add(first);
        foreach (var other in Enumerable.Range(0, OwnerWatch.IdleLimit + 5).Select(_ => CreateTestProbe().Ref))
        {
            _watch.Add(other);
            _watch.Remove(other);
        }

        Assert.DoesNotContain(first, _unwatched);
        Assert.Single(_watched, first);
    }

    [Fact]
    public void AnonymousOwner_IsNeverWatched()
    {
        _watch.Add(ActorRefs.Nobody);
        _watch.Remove(ActorRefs.Nobody);
        Assert.Empty(_watched);
        Assert.Equal(0, _watch.Watched);
    }
}
