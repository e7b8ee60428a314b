using Actors.Coordination;
using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>The registry actor driven by Tell from TestProbes that stand for threads' coordinators.</summary>
public sealed class ThreadRegistryProtocolTests : ThreadTestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private readonly ActorThread _main;
    private readonly IActorRef _registry;

    public ThreadRegistryProtocolTests()
    {
        _main = ActorThread.CreateMainThread(Registry);
        var main = _main;
        _registry = Sys.ActorOf(CoordinatorActor.PropsFor(() => new ThreadRegistryCoordinator(main)));
    }

    [Fact]
    public void Register_Threads_CountedWithTheMainThreadAndEnumeratedInStartOrder()
    {
        var observer = CreateTestProbe();
        var (late, early) = (Register(20, "late"), Register(10, "early", daemon: true));
        _registry.Tell(new ThreadRegistryProtocol.GetActiveCount(1), observer.Ref);
        observer.ExpectMsg(new ThreadRegistryProtocol.ActiveCount(1, 3));
        _registry.Tell(new ThreadRegistryProtocol.Enumerate(2), observer.Ref);
        var enumerated = observer.ExpectMsg<ThreadRegistryProtocol.Enumerated>();
        Assert.Equal(2, enumerated.RequestId);
        Assert.Equal(new[] { _main, early.Thread, late.Thread }, enumerated.Threads);
        Assert.Equal(new ThreadRegistryProtocol.RegistryState(3, 2, 1, 0), StateSeenBy(observer, 3));
    }

    [Fact]
    public void Ended_RegisteredThread_IsForgottenAndUnknownOrRepeatedEndsChangeNothing()
    {
        var observer = CreateTestProbe();
        Register(1, "a");
        Register(2, "b");
        _registry.Tell(new ThreadRegistryProtocol.Ended(1));
        _registry.Tell(new ThreadRegistryProtocol.Ended(1));
        _registry.Tell(new ThreadRegistryProtocol.Ended(99));
        _registry.Tell(new ThreadRegistryProtocol.GetActiveCount(3), observer.Ref);
        observer.ExpectMsg(new ThreadRegistryProtocol.ActiveCount(3, 2));
        Assert.Equal((1, 1), (StateSeenBy(observer, 4).Alive, StateSeenBy(observer, 5).NonDaemon));
    }

    [Fact]
    public void Register_DuplicateIdent_IsIgnored()
    {
        var observer = CreateTestProbe();
        var first = Register(1, "first");
        Register(1, "second");
        _registry.Tell(new ThreadRegistryProtocol.Enumerate(2), observer.Ref);
        Assert.Equal(new[] { _main, first.Thread }, observer.ExpectMsg<ThreadRegistryProtocol.Enumerated>().Threads);
    }

    [Fact]
    public void Terminated_CoordinatorStopsWithoutReportingAnEnd_ThreadIsForgotten()
    {
        var observer = CreateTestProbe();
        var stopped = Register(1, "stopped");
        Register(2, "kept");
        Sys.Stop(stopped.Coordinator.Ref);
        AwaitAssert(() => Assert.Equal(1, StateSeenBy(observer, 3).Alive), Patience);
        _registry.Tell(new ThreadRegistryProtocol.Enumerate(4), observer.Ref);
        Assert.Equal(new[] { "MainThread", "kept" }, observer.ExpectMsg<ThreadRegistryProtocol.Enumerated>().Threads.Select(t => t.Name));
    }

    [Fact]
    public void WaitForNonDaemonThreads_NoneOrOnlyDaemonsAlive_AnswersEndedAtOnce()
    {
        var waiter = CreateTestProbe();
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(1, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg(new ThreadRegistryProtocol.NonDaemonThreadsEnded(1));
        Register(1, "daemon", daemon: true);
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(2, waiter.Ref, TimeSpan.Zero), waiter.Ref);
        waiter.ExpectMsg(new ThreadRegistryProtocol.NonDaemonThreadsEnded(2));
    }

    [Fact]
    public void WaitForNonDaemonThreads_NonDaemonsAlive_AnswersWhenTheLastOneEndsIgnoringDaemons()
    {
        var waiter = CreateTestProbe();
        Register(1, "a");
        Register(2, "b");
        Register(3, "daemon", daemon: true);
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(7, ActorRefs.Nobody), waiter.Ref);
        _registry.Tell(new ThreadRegistryProtocol.Ended(1));
        waiter.ExpectNoMsg(Quiet);
        Assert.Equal(1, StateSeenBy(CreateTestProbe(), 8).WaitingForNonDaemon);

        _registry.Tell(new ThreadRegistryProtocol.Ended(2));
        waiter.ExpectMsg(new ThreadRegistryProtocol.NonDaemonThreadsEnded(7));
        Assert.Equal(new ThreadRegistryProtocol.RegistryState(9, 1, 0, 0), StateSeenBy(CreateTestProbe(), 9));
    }

    [Fact]
    public void WaitForNonDaemonThreads_Timeout_AnswersRunningWithTheNamesOfThoseAlive()
    {
        var waiter = CreateTestProbe();
        Register(2, "second");
        Register(1, "first");
        Register(3, "daemon", daemon: true);
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(5, waiter.Ref, TimeSpan.FromMilliseconds(100)), waiter.Ref);
        var running = waiter.ExpectMsg<ThreadRegistryProtocol.NonDaemonThreadsRunning>(TimeSpan.FromSeconds(5));
        Assert.Equal(5L, running.RequestId);
        Assert.Equal(new[] { "first", "second" }, running.Names);
        Assert.Equal(0, StateSeenBy(waiter, 6).WaitingForNonDaemon);
    }

    [Fact]
    public void WaitForNonDaemonThreads_ZeroTimeoutWhileOneIsAlive_AnswersRunningAtOnce()
    {
        var waiter = CreateTestProbe();
        Register(1, "busy");
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(2, waiter.Ref, TimeSpan.Zero), waiter.Ref);
        Assert.Equal(new[] { "busy" }, waiter.ExpectMsg<ThreadRegistryProtocol.NonDaemonThreadsRunning>().Names);
    }

    [Fact]
    public void WaitForNonDaemonThreads_Cancelled_AnswersCancelledAndTheEndSkipsIt()
    {
        var waiter = CreateTestProbe();
        Register(1, "busy");
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(2, waiter.Ref), waiter.Ref);
        _registry.Tell(new CoordinatorProtocol.Cancel(2, waiter.Ref), waiter.Ref);
        waiter.ExpectMsg(new CoordinatorProtocol.Cancelled(2));
        _registry.Tell(new ThreadRegistryProtocol.Ended(1));
        waiter.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void WaitForNonDaemonThreads_NegativeTimeout_IsRejected()
    {
        var waiter = CreateTestProbe();
        Register(1, "busy");
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(2, waiter.Ref, TimeSpan.FromSeconds(-3)), waiter.Ref);
        var rejected = waiter.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((2L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        Assert.Equal(0, StateSeenBy(waiter, 3).WaitingForNonDaemon);
    }

    [Fact]
    public void AbandonDaemonThreads_MixedThreads_TellsOnlyTheDaemonsCoordinators()
    {
        var observer = CreateTestProbe();
        var (daemonA, worker, daemonB) = (Register(1, "da", daemon: true), Register(2, "w"), Register(3, "db", daemon: true));
        _registry.Tell(new ThreadRegistryProtocol.AbandonDaemonThreads(4), observer.Ref);
        observer.ExpectMsg(new ThreadRegistryProtocol.DaemonThreadsAbandoned(4, 2));
        daemonA.Coordinator.ExpectMsg<ThreadProtocol.Abandon>();
        daemonB.Coordinator.ExpectMsg<ThreadProtocol.Abandon>();
        worker.Coordinator.ExpectNoMsg(Quiet);
        Assert.Equal(3, StateSeenBy(observer, 5).Alive);
    }

    [Fact]
    public void Stop_WithAWaiter_AnswersItCoordinatorStopped()
    {
        var waiter = CreateTestProbe();
        Register(1, "busy");
        _registry.Tell(new ThreadRegistryProtocol.WaitForNonDaemonThreads(2, waiter.Ref), waiter.Ref);
        Assert.Equal(1, StateSeenBy(CreateTestProbe(), 3).WaitingForNonDaemon);
        Sys.Stop(_registry);
        var rejected = waiter.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((2L, RejectionReason.CoordinatorStopped), (rejected.RequestId, rejected.Reason));
    }

    private (ActorThread Thread, TestProbe Coordinator) Register(long ident, string name, bool daemon = false)
    {
        var thread = new ActorThread(Sys, _ => { }, name: name, daemon: daemon);
        var coordinator = CreateTestProbe();
        _registry.Tell(new ThreadRegistryProtocol.Register(thread, ident, coordinator.Ref, daemon));
        return (thread, coordinator);
    }

    private ThreadRegistryProtocol.RegistryState StateSeenBy(TestProbe probe, long requestId)
    {
        _registry.Tell(new ThreadRegistryProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<ThreadRegistryProtocol.RegistryState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
