using Actors.Lock;
using Actors.Tests.Contracts;

namespace Actors.Tests.Lock;

/// <summary>The lock coordinator runs the acquire contract; the grant number is its fencing token.</summary>
public sealed class LockAcquireContractTests : HoldProtocolContract
{
    protected override Props OneGrantProps() => ActorLock.Props();

    protected override object AcquireRequest(long requestId, IActorRef owner, TimeSpan? timeout = null) =>
        new LockProtocol.Acquire(requestId, owner, timeout);

    protected override object ReleaseRequest(long requestId, IActorRef owner) => new LockProtocol.Release(requestId);

    protected override object StateRequest(long requestId) => new LockProtocol.GetState(requestId);

    protected override object NotAcquiredReply(long requestId) => new LockProtocol.NotAcquired(requestId);

    protected override void ExpectAcquired(TestProbe probe, long requestId, long grant) =>
        probe.ExpectMsg(new LockProtocol.Acquired(requestId, grant));

    protected override void ExpectReleased(TestProbe probe, long requestId, bool handedOver) =>
        probe.ExpectMsg(new LockProtocol.Released(requestId));

    protected override AcquireState ReadState(object stateReply)
    {
        var state = Assert.IsType<LockProtocol.LockState>(stateReply);
        Assert.Equal(state.Holder is not null, state.Locked);
        return new AcquireState(!state.Locked, state.Waiting, state.Holder is null ? 0 : 1, state.Holder, state.FencingToken);
    }
}
