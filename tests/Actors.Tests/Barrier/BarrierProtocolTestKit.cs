using Actors.Barrier;

namespace Actors.Tests.Barrier;

/// <summary>
/// What the protocol tests of the barrier coordinator share. The tests drive it by Tell from TestProbes, the way an
/// actor uses it.
/// </summary>
public abstract class BarrierProtocolTestKit : CoordinatorTestKit
{
    protected IActorRef NewBarrier(int parties, Func<Task>? action = null, TimeSpan? defaultTimeout = null) =>
        Sys.ActorOf(ActorBarrier.Props(parties, action, defaultTimeout));

    /// <summary>
    /// The barrier's state, as the next message of <paramref name="probe"/> when one is given: whatever the barrier
    /// sent that probe before the query arrives first, so a pass that must not have happened fails here.
    /// </summary>
    protected BarrierProtocol.BarrierState GetState(IActorRef barrier, TestProbe? probe = null)
    {
        probe ??= CreateTestProbe();
        barrier.Tell(new BarrierProtocol.GetState(99), probe.Ref);
        return probe.ExpectMsg<BarrierProtocol.BarrierState>();
    }
}
