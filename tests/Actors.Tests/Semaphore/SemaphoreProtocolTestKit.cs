using Actors.Semaphore;

namespace Actors.Tests.Semaphore;

/// <summary>
/// What the protocol tests of the semaphore coordinator (Semaphore and BoundedSemaphore) share. Where the order of grants
/// matters, every request is sent from one recorder probe (with distinct owners), so the order in which the recorder
/// receives the grants is the order in which the coordinator made them. The acquire contract it shares with Lock and
/// RLock runs in <see cref="SemaphoreAcquireContractTests"/> and <see cref="BoundedSemaphoreAcquireContractTests"/>.
/// </summary>
public abstract class SemaphoreProtocolTestKit : CoordinatorTestKit
{
    protected IActorRef NewSemaphore(int initialValue, bool bounded = false) =>
        Sys.ActorOf(ActorSemaphore.Props(initialValue, bounded));

    protected SemaphoreProtocol.SemaphoreState StateOf(IActorRef semaphore) => StateSeenBy(semaphore, CreateTestProbe());

    /// <summary>
    /// The state as the next message <paramref name="probe"/> gets: whatever the coordinator sent this probe before
    /// handling the query arrives first, so a grant that must not have been made fails here.
    /// </summary>
    protected static SemaphoreProtocol.SemaphoreState StateSeenBy(IActorRef semaphore, TestProbe probe)
    {
        semaphore.Tell(new SemaphoreProtocol.GetState(999), probe.Ref);
        return probe.ExpectMsg<SemaphoreProtocol.SemaphoreState>();
    }

    protected static void AssertState(SemaphoreProtocol.SemaphoreState state, int value, int heldByOwners, int waiting)
    {
        Assert.Equal((value, heldByOwners, waiting), (state.Value, state.HeldByOwners, state.Waiting));
    }

    protected static void Acquire(IActorRef semaphore, TestProbe owner, long requestId, TimeSpan? timeout = null) =>
        semaphore.Tell(new SemaphoreProtocol.Acquire(requestId, owner.Ref, timeout), owner.Ref);

    protected static void AcquireNow(IActorRef semaphore, TestProbe owner, long requestId)
    {
        Acquire(semaphore, owner, requestId);
        owner.ExpectMsg<SemaphoreProtocol.Acquired>(granted => granted.RequestId == requestId);
    }
}
