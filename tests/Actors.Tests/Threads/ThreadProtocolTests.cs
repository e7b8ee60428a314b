using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>A thread's coordinator driven by Tell from TestProbes, the way an actor joins a thread.</summary>
public sealed class ThreadProtocolTests : ThreadTestKit
{
    [Fact]
    public void Join_WhileRunning_AnsweredJoinedInOrderWhenTheBodyEnds()
    {
        var (thread, gate) = StartGated();
        var joiners = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < joiners.Count; i++) thread.Coordinator!.Tell(new ThreadProtocol.Join(10 + i, joiners[i].Ref), joiners[i].Ref);
        Assert.Equal(3, StateSeenBy(thread, joiners[0], 1).Joining); // joiners[0]'s next message: not joined yet

        gate.SetResult();
        for (var i = 0; i < joiners.Count; i++)
        {
            joiners[i].ExpectMsg(new ThreadProtocol.Joined(10 + i));
            Assert.Equal(thread.Coordinator, joiners[i].LastSender);
        }
    }

    [Fact]
    public void Join_WithTimeout_CoordinatorAnswersNotJoinedAndNeverJoinedLater()
    {
        var (thread, gate) = StartGated();
        var joiner = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(5, joiner.Ref, TimeSpan.FromMilliseconds(100)), joiner.Ref);
        joiner.ExpectMsg(new ThreadProtocol.NotJoined(5), TimeSpan.FromSeconds(5));
        Assert.Equal(0, StateSeenBy(thread, joiner, 6).Joining);
        Assert.True(thread.IsAlive);

        gate.SetResult();
        AwaitAssert(() => Assert.False(thread.IsAlive), Patience, TestTimes.PollInterval);
        AwaitRetired(thread);
        joiner.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Join_ZeroTimeoutWhileRunning_AnswersNotJoinedAtOnce()
    {
        var (thread, _) = StartGated();
        var joiner = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(7, joiner.Ref, TimeSpan.Zero), joiner.Ref);
        joiner.ExpectMsg(new ThreadProtocol.NotJoined(7));
        Assert.Equal(0, StateSeenBy(thread, joiner, 8).Joining);
    }

    [Fact]
    public void Join_TimedJoinersWithDifferentDeadlines_ExpireOneByOneAndTheUntimedOneIsJoined()
    {
        var (thread, gate) = StartGated();
        var (early, late, forever) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, late.Ref, TimeSpan.FromSeconds(1)), late.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(1, early.Ref, TimeSpan.FromMilliseconds(100)), early.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(1, forever.Ref, Timeout.InfiniteTimeSpan), forever.Ref);
        early.ExpectMsg(new ThreadProtocol.NotJoined(1), TimeSpan.FromSeconds(5));
        late.ExpectMsg(new ThreadProtocol.NotJoined(1), TestTimes.Settle);
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 2).Joining);
        gate.SetResult();
        forever.ExpectMsg(new ThreadProtocol.Joined(1));
    }

    [Fact]
    public void GetState_RunningThenFinished_ReportsTheThreadThenTheCoordinatorStops()
    {
        var (thread, gate) = StartGated(name: "worker", daemon: true);
        var probe = CreateTestProbe();
        var state = StateSeenBy(thread, probe, 3);
        Assert.Equal(new ThreadProtocol.ThreadState(3, thread.Ident!.Value, "worker", true, ThreadStatus.Running, false, 0), state);

        var watcher = CreateTestProbe();
        watcher.Watch(thread.Coordinator!);
        gate.SetResult();
        watcher.ExpectTerminated(thread.Coordinator!);
        Assert.False(thread.IsAlive);
    }

    [Fact]
    public async Task Finish_BodyEnds_RegistryForgetsTheThreadBeforeTheJoinerIsAnswered()
    {
        var (thread, gate) = StartGated();
        var joiner = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, joiner.Ref), joiner.Ref);
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 2).Joining);
        gate.SetResult();
        joiner.ExpectMsg(new ThreadProtocol.Joined(1));
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public void Cancel_WaitingJoin_AnswersCancelledAndTheEndSkipsIt()
    {
        var (thread, gate) = StartGated();
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, a.Ref), a.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(1, b.Ref), b.Ref);
        thread.Coordinator.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        a.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 2).Joining);

        gate.SetResult();
        b.ExpectMsg(new ThreadProtocol.Joined(1));
        AwaitRetired(thread);
        a.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Cancel_NamingAnotherOwner_LeavesTheJoinInPlace()
    {
        var (thread, gate) = StartGated();
        var (a, other) = (CreateTestProbe(), CreateTestProbe());
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, a.Ref), a.Ref);
        thread.Coordinator.Tell(new CoordinatorProtocol.Cancel(1, other.Ref), other.Ref);
        Assert.Equal(1, StateSeenBy(thread, other, 2).Joining); // other's next message: its cancel was not answered
        gate.SetResult();
        a.ExpectMsg(new ThreadProtocol.Joined(1));
    }

    [Fact]
    public void OwnerDeath_WithSeparateReplyTo_AnswersOwnerTerminatedAndKeepsOtherJoins()
    {
        var (thread, gate) = StartGated();
        var (owner, replyTo, survivor) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, owner.Ref), replyTo.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(2, owner.Ref, TimeSpan.FromMinutes(5)), replyTo.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(1, survivor.Ref), survivor.Ref);
        Assert.Equal(3, StateSeenBy(thread, CreateTestProbe(), 3).Joining);

        Sys.Stop(owner.Ref);
        var rejections = new[] { replyTo.ExpectMsg<CoordinatorProtocol.Rejected>(), replyTo.ExpectMsg<CoordinatorProtocol.Rejected>() };
        Assert.All(rejections, r => Assert.Equal(RejectionReason.OwnerTerminated, r.Reason));
        Assert.Equal(new[] { 1L, 2L }, rejections.Select(r => r.RequestId).Order());
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 4).Joining);

        gate.SetResult();
        survivor.ExpectMsg(new ThreadProtocol.Joined(1));
        AwaitRetired(thread);
        replyTo.ExpectNoMsg(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Join_NegativeTimeout_IsRejectedAndTheCoordinatorKeepsWorking(int milliseconds)
    {
        var (thread, gate) = StartGated();
        var a = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        thread.Coordinator.Tell(new ThreadProtocol.Join(2, a.Ref), a.Ref);
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 3).Joining);
        gate.SetResult();
        a.ExpectMsg(new ThreadProtocol.Joined(2));
    }

    [Fact]
    public void Join_NullOwnerOrDuplicateRequestId_IsRejected()
    {
        var (thread, gate) = StartGated();
        var a = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        thread.Coordinator.Tell(new ThreadProtocol.Join(4, a.Ref), a.Ref);
        thread.Coordinator.Tell(new ThreadProtocol.Join(4, a.Ref), a.Ref);
        Assert.Equal(RejectionReason.DuplicateRequest, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 5).Joining);
        gate.SetResult();
        a.ExpectMsg(new ThreadProtocol.Joined(4));
        AwaitRetired(thread);
        a.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Launch_Again_DoesNotRunTheBodyTwice()
    {
        var running = CreateTestProbe();
        var (thread, gate) = StartGated(running);
        thread.Coordinator!.Tell(ThreadProtocol.Launch.Instance);
        StateSeenBy(thread, CreateTestProbe(), 1); // the second Launch has been handled
        gate.SetResult();
        AwaitRetired(thread);
        // Kept: a second body would start on a thread of its own, which no reply of the coordinator orders.
        running.ExpectNoMsg(TestTimes.Silence);
    }

    [Fact]
    public async Task Abandon_RunningThread_CancelsTheTokenAndACooperativeBodyEndsQuietly()
    {
        var recorded = RecordExceptions();
        var running = CreateTestProbe();
        var gate = NewGate();
        var thread = new ActorThread(Sys, async ct =>
        {
            running.Ref.Tell("running");
            await gate.Task.WaitAsync(ct);
        });
        thread.Start();
        running.ExpectMsg("running");
        var joiner = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, joiner.Ref), joiner.Ref);
        thread.Coordinator.Tell(ThreadProtocol.Abandon.Instance);

        joiner.ExpectMsg(new ThreadProtocol.Joined(1));
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Empty(recorded);
    }

    [Fact]
    public void Abandon_BlockingBody_TokenCancelledButTheBodyRunsOnUntilItReturns()
    {
        var (thread, gate) = StartGated();
        var probe = CreateTestProbe();
        thread.Coordinator!.Tell(ThreadProtocol.Abandon.Instance);
        var state = StateSeenBy(thread, probe, 1);
        Assert.Equal((true, ThreadStatus.Running), (state.CancellationRequested, state.Status));
        Assert.True(thread.IsAlive);
        gate.SetResult();
        AwaitAssert(() => Assert.False(thread.IsAlive), Patience, TestTimes.PollInterval);
    }

    [Fact]
    public async Task Stop_CoordinatorStoppedWhileRunning_RejectsJoinsCancelsTheTokenAndTheRegistryForgetsIt()
    {
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = CreateTestProbe();
        var gate = NewGate();
        var thread = new ActorThread(Sys, ct =>
        {
            ct.Register(tokenCancelled.SetResult);
            running.Ref.Tell("running");
            gate.Task.Wait();
        });
        thread.Start();
        running.ExpectMsg("running");
        var joiner = CreateTestProbe();
        thread.Coordinator!.Tell(new ThreadProtocol.Join(1, joiner.Ref), joiner.Ref);
        Assert.Equal(1, StateSeenBy(thread, CreateTestProbe(), 2).Joining);

        Sys.Stop(thread.Coordinator);
        var rejected = joiner.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.CoordinatorStopped), (rejected.RequestId, rejected.Reason));
        await tokenCancelled.Task.WaitAsync(Patience);
        await AwaitActiveCountAsync(1);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => thread.JoinAsync().WaitAsync(Patience));
    }

    private (ActorThread Thread, TaskCompletionSource Gate) StartGated(TestProbe? running = null, string? name = null, bool daemon = false)
    {
        running ??= CreateTestProbe();
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ =>
        {
            running.Ref.Tell("running");
            gate.Task.Wait();
        }, name: name, daemon: daemon);
        thread.Start();
        running.ExpectMsg("running");
        return (thread, gate);
    }

    /// <summary>
    /// Waits until the thread's coordinator has stopped (it retires once the body has ended and every join is
    /// answered): all it ever sent is then in the probes' mailboxes, so <c>ExpectNoMsg(TimeSpan.Zero)</c> proves absence.
    /// </summary>
    private void AwaitRetired(ActorThread thread)
    {
        Watch(thread.Coordinator!);
        ExpectTerminated(thread.Coordinator!, Patience);
    }

    private static ThreadProtocol.ThreadState StateSeenBy(ActorThread thread, TestProbe probe, long requestId)
    {
        thread.Coordinator!.Tell(new ThreadProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<ThreadProtocol.ThreadState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
