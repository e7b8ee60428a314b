using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// Anyone may release a semaphore (Python). A release by someone holding nothing is charged to permits held
/// anonymously, then to other owners, so that an owner's death never returns a permit that was already released.
/// </summary>
public sealed class SemaphoreReleaseAttributionTests : CoordinatorTestKit
{
    [Fact]
    public void BoundedOne_PermitReleasedForItsHolderWhoThenDies_NeverAdmitsASecondHolder()
    {
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(1, bounded: true));
        var (holder, releaser, next, later) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        Ask(semaphore, holder, new SemaphoreProtocol.Acquire(1, holder.Ref)).ExpectMsg<SemaphoreProtocol.Acquired>();
        Ask(semaphore, releaser, new SemaphoreProtocol.Release(2, releaser.Ref)).ExpectMsg<SemaphoreProtocol.Released>();
        Ask(semaphore, next, new SemaphoreProtocol.Acquire(3, next.Ref)).ExpectMsg<SemaphoreProtocol.Acquired>();
        semaphore.Tell(new SemaphoreProtocol.Acquire(4, later.Ref), later.Ref);

        Watch(holder.Ref);
        Sys.Stop(holder.Ref);
        ExpectTerminated(holder.Ref);

        var state = StateOf(semaphore, later); // later's next message: the death freed no permit for it
        Assert.Equal((0, 1, 1), (state.Value, state.HeldByOwners, state.Waiting));
        Ask(semaphore, next, new SemaphoreProtocol.Release(5, next.Ref)).ExpectMsg<SemaphoreProtocol.Released>();
        later.ExpectMsg<SemaphoreProtocol.Acquired>();
    }

    [Fact]
    public void Release_ByNonHolder_IsChargedToAnonymousPermitsBeforeNamedOwners()
    {
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(2, bounded: true));
        var (named, releaser) = (CreateTestProbe(), CreateTestProbe());
        Ask(semaphore, named, new SemaphoreProtocol.Acquire(1, named.Ref)).ExpectMsg<SemaphoreProtocol.Acquired>();
        Ask(semaphore, releaser, new SemaphoreProtocol.Acquire(2, ActorRefs.Nobody)).ExpectMsg<SemaphoreProtocol.Acquired>();
        Ask(semaphore, releaser, new SemaphoreProtocol.Release(3, releaser.Ref)).ExpectMsg<SemaphoreProtocol.Released>();

        Assert.Equal(1, StateOf(semaphore).HeldByOwners);
        Watch(named.Ref);
        Sys.Stop(named.Ref);
        ExpectTerminated(named.Ref);
        AwaitAssert(() => Assert.Equal((2, 0), (StateOf(semaphore).Value, StateOf(semaphore).HeldByOwners)));
    }

    [Fact]
    public void Unbounded_ReleaseBeyondEveryPermitOut_GrowsTheValueAndChargesNobody()
    {
        var semaphore = Sys.ActorOf(ActorSemaphore.Props(1));
        var (named, releaser) = (CreateTestProbe(), CreateTestProbe());
        Ask(semaphore, named, new SemaphoreProtocol.Acquire(1, named.Ref)).ExpectMsg<SemaphoreProtocol.Acquired>();
        Assert.Equal(3, Ask(semaphore, releaser, new SemaphoreProtocol.Release(2, releaser.Ref, 3)).ExpectMsg<SemaphoreProtocol.Released>().Value);
        Assert.Equal(0, StateOf(semaphore).HeldByOwners);
    }

    private static TestProbe Ask(IActorRef semaphore, TestProbe from, object message)
    {
        semaphore.Tell(message, from.Ref);
        return from;
    }

    private SemaphoreProtocol.SemaphoreState StateOf(IActorRef semaphore, TestProbe? asker = null)
    {
        asker ??= CreateTestProbe();
        semaphore.Tell(new SemaphoreProtocol.GetState(0), asker.Ref);
        return asker.ExpectMsg<SemaphoreProtocol.SemaphoreState>();
    }
}
