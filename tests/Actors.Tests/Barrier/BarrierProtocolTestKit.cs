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

    /// <summary>
    /// Proves a refused request left the round as it was: <paramref name="second"/> arrives with request
    /// <paramref name="secondId"/> and completes the round that <paramref name="first"/> (request <paramref name="firstId"/>)
    /// is waiting in, with indices 0 and 1 of round 0.
    /// </summary>
    protected static void ExpectRoundCompletes(IActorRef barrier, TestProbe first, long firstId, TestProbe second, long secondId)
    {
        barrier.Tell(new BarrierProtocol.Wait(secondId, second.Ref), second.Ref);
        first.ExpectMsg(new BarrierProtocol.Passed(firstId, 0, 0));
        second.ExpectMsg(new BarrierProtocol.Passed(secondId, 1, 0));
    }
}
