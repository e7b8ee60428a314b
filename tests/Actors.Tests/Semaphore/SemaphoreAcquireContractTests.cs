using Actors.Semaphore;
using Actors.Tests.Contracts;

namespace Actors.Tests.Semaphore;

/// <summary>
/// A semaphore of value 1 runs the acquire contract, unbounded here and bounded in
/// <see cref="BoundedSemaphoreAcquireContractTests"/>. A semaphore reports no holder, only how many permits named
/// owners hold.
/// </summary>
public class SemaphoreAcquireContractTests : HoldProtocolContract
{
    /// <summary>Whether the coordinator is a BoundedSemaphore.</summary>
    protected virtual bool Bounded => false;

    protected override Props OneGrantProps() => ActorSemaphore.Props(1, Bounded);

    protected override object AcquireRequest(long requestId, IActorRef owner, TimeSpan? timeout = null) =>
        new SemaphoreProtocol.Acquire(requestId, owner, timeout);

    protected override object ReleaseRequest(long requestId, IActorRef owner) => new SemaphoreProtocol.Release(requestId, owner);

    protected override object StateRequest(long requestId) => new SemaphoreProtocol.GetState(requestId);

    protected override object NotAcquiredReply(long requestId) => new SemaphoreProtocol.NotAcquired(requestId);

    protected override void ExpectAcquired(TestProbe probe, long requestId, long grant) =>
        probe.ExpectMsg(new SemaphoreProtocol.Acquired(requestId, grant));

    protected override void ExpectReleased(TestProbe probe, long requestId, bool handedOver) =>
        probe.ExpectMsg(new SemaphoreProtocol.Released(requestId, handedOver ? 0 : 1));

    protected override AcquireState ReadState(object stateReply)
    {
        var state = Assert.IsType<SemaphoreProtocol.SemaphoreState>(stateReply);
        Assert.Equal(Bounded ? 1 : (int?)null, state.Bound);
        Assert.InRange(state.Value, 0, 1);
        return new AcquireState(state.Value == 1, state.Waiting, state.HeldByOwners, null, null);
    }
}
