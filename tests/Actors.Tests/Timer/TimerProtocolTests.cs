using Actors.Tests.Threads;
using Actors.Threads;
using Actors.Timer;

namespace Actors.Tests.Timer;

/// <summary>A timer's coordinator driven by Tell from TestProbes.</summary>
public sealed class TimerProtocolTests : ThreadTestKit
{
    [Fact]
    public void Cancel_WhileWaiting_AnswersWasCancelledJoinsReturnAndTheCoordinatorStops()
    {
        var probe = CreateTestProbe();
        var timer = new ActorTimer(Sys, TimeSpan.FromHours(1), () => probe.Ref.Tell("fired"));
        timer.Start();
        var coordinator = timer.Coordinator!;
        Assert.Equal(ThreadStatus.Started, StateSeenBy(coordinator, probe, 1).Status);

        var (joiner, watcher) = (CreateTestProbe(), CreateTestProbe());
        watcher.Watch(coordinator);
        coordinator.Tell(new ThreadProtocol.Join(2, joiner.Ref), joiner.Ref);
        Assert.Equal(1, StateSeenBy(coordinator, probe, 3).Joining);
        coordinator.Tell(new TimerProtocol.Cancel(4), probe.Ref);
        probe.ExpectMsg(new TimerProtocol.WasCancelled(4));
        joiner.ExpectMsg(new ThreadProtocol.Joined(2));
        watcher.ExpectTerminated(coordinator);
        probe.ExpectNoMsg(TimeSpan.Zero); // the coordinator has stopped: all it sent is here
    }

    [Fact]
    public void Cancel_AfterItFired_AnswersAlreadyFiredAndTheFunctionRunsToItsEnd()
    {
        var probe = CreateTestProbe();
        var gate = NewGate();
        var timer = new ActorTimer(Sys, TimeSpan.FromMilliseconds(20), () =>
        {
            probe.Ref.Tell("fired");
            gate.Task.Wait();
            probe.Ref.Tell("done");
        });
        timer.Start();
        probe.ExpectMsg("fired");
        var coordinator = timer.Coordinator!;
        var joiner = CreateTestProbe();
        coordinator.Tell(new ThreadProtocol.Join(1, joiner.Ref), joiner.Ref);
        coordinator.Tell(new TimerProtocol.Cancel(2), probe.Ref);
        probe.ExpectMsg(new TimerProtocol.AlreadyFired(2));
        Assert.Equal(ThreadStatus.Running, StateSeenBy(coordinator, probe, 3).Status);
        Assert.Equal(1, StateSeenBy(coordinator, joiner, 30).Joining); // joiner's next message: not joined while running

        gate.SetResult();
        probe.ExpectMsg("done");
        joiner.ExpectMsg(new ThreadProtocol.Joined(1));
    }

    [Fact]
    public void Join_WithTimeoutWhileWaiting_AnswersNotJoined()
    {
        var probe = CreateTestProbe();
        var timer = new ActorTimer(Sys, TimeSpan.FromHours(1), () => { });
        timer.Start();
        timer.Coordinator!.Tell(new ThreadProtocol.Join(1, probe.Ref, TimeSpan.FromMilliseconds(100)), probe.Ref);
        probe.ExpectMsg(new ThreadProtocol.NotJoined(1), TimeSpan.FromSeconds(5));
        timer.Cancel();
    }

    [Fact]
    public async Task Abandon_PendingTimer_NeverFiresAndEnds()
    {
        var probe = CreateTestProbe();
        var timer = new ActorTimer(Sys, TimeSpan.FromHours(1), () => probe.Ref.Tell("fired"), daemon: true);
        timer.Start();
        var joiner = CreateTestProbe();
        timer.Coordinator!.Tell(new ThreadProtocol.Join(1, joiner.Ref), joiner.Ref);
        timer.Coordinator.Tell(ThreadProtocol.Abandon.Instance);
        joiner.ExpectMsg(new ThreadProtocol.Joined(1));
        Assert.True(await timer.CancelAsync());
        // Kept: a function started by the abandon would run on the timer's own thread, which no reply orders.
        probe.ExpectNoMsg(TestTimes.Silence);
    }

    private static ThreadProtocol.ThreadState StateSeenBy(IActorRef coordinator, TestProbe probe, long requestId)
    {
        coordinator.Tell(new ThreadProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<ThreadProtocol.ThreadState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
