using Actors.RLock;
using Actors.Tests.Contracts;

namespace Actors.Tests.RLock;

/// <summary>
/// The re-entrant lock coordinator runs the acquire contract: every hold there is one level deep, so each release frees
/// it; the grant number is its fencing token.
/// </summary>
public sealed class RLockAcquireContractTests : HoldProtocolContract
{
    protected override Props OneGrantProps() => ActorRLock.Props();

    protected override object AcquireRequest(long requestId, IActorRef owner, TimeSpan? timeout = null) =>
        new RLockProtocol.Acquire(requestId, owner, timeout);

    protected override object ReleaseRequest(long requestId, IActorRef owner) => new RLockProtocol.Release(requestId, owner);

    protected override object StateRequest(long requestId) => new RLockProtocol.GetState(requestId);

    protected override object NotAcquiredReply(long requestId) => new RLockProtocol.NotAcquired(requestId);

    protected override void ExpectAcquired(TestProbe probe, long requestId, long grant) =>
        probe.ExpectMsg(new RLockProtocol.Acquired(requestId, 1, grant));

    protected override void ExpectReleased(TestProbe probe, long requestId, bool handedOver) =>
        probe.ExpectMsg(new RLockProtocol.Released(requestId, 0));

    protected override AcquireState ReadState(object stateReply)
    {
        var state = Assert.IsType<RLockProtocol.RLockState>(stateReply);
        Assert.Equal(state.Owner is null ? 0 : 1, state.Depth);
        Assert.Equal(state.Owner is not null, state.Locked);
        return new AcquireState(!state.Locked, state.Waiting, state.Owner is null ? 0 : 1, state.Owner, state.FencingToken);
    }
}
