using Actors.Barrier;

namespace Actors.Tests.Barrier;

/// <summary>
/// Abort, reset, cancellation, owner death, bad input and a stopped coordinator.
/// </summary>
public sealed class BarrierBreakProtocolTests : BarrierProtocolTestKit
{
    /// <summary>Sends one wait per probe, in order, and checks that each passes with its arrival index.</summary>
    private static void AssertFullRound(IActorRef barrier, int parties, long round, params TestProbe[] probes)
    {
        Assert.Equal(parties, probes.Length);
        for (var i = 0; i < probes.Length; i++) barrier.Tell(new BarrierProtocol.Wait(100 + i, probes[i].Ref), probes[i].Ref);
        for (var i = 0; i < probes.Length; i++) probes[i].ExpectMsg(new BarrierProtocol.Passed(100 + i, i, round));
    }

    [Fact]
    public void Abort_WithWaiters_BreaksThemAndEveryLaterWait()
    {
        var barrier = NewBarrier(3);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref), b.Ref);
        barrier.Tell(new BarrierProtocol.Abort(3), TestActor);
        ExpectMsg(new BarrierProtocol.Aborted(3));
        a.ExpectMsg(new BarrierProtocol.Broken(1));
        b.ExpectMsg(new BarrierProtocol.Broken(2));

        barrier.Tell(new BarrierProtocol.Wait(4, c.Ref), c.Ref);
        c.ExpectMsg(new BarrierProtocol.Broken(4));
        var state = GetState(barrier);
        Assert.Equal((true, 0), (state.IsBroken, state.Waiting));
    }

    [Fact]
    public void Reset_WithWaiters_BreaksThemThenAFullRoundPasses()
    {
        var barrier = NewBarrier(3);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        barrier.Tell(new BarrierProtocol.Reset(2), TestActor);
        ExpectMsg(new BarrierProtocol.WasReset(2));
        a.ExpectMsg(new BarrierProtocol.Broken(1));
        b.ExpectMsg(new BarrierProtocol.Broken(1));
        Assert.False(GetState(barrier).IsBroken);

        AssertFullRound(barrier, 3, round: 0, c, a, b);
    }

    [Fact]
    public void Reset_AfterAbort_MakesTheBarrierUsableAgain()
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Abort(1), TestActor);
        ExpectMsg<BarrierProtocol.Aborted>();
        barrier.Tell(new BarrierProtocol.Wait(2, a.Ref), a.Ref);
        a.ExpectMsg(new BarrierProtocol.Broken(2));
        barrier.Tell(new BarrierProtocol.Reset(3), TestActor);
        ExpectMsg<BarrierProtocol.WasReset>();

        AssertFullRound(barrier, 2, round: 0, a, b);
    }

    [Fact]
    public async Task Abort_WhileActionRuns_CompletedRoundPassesNextRoundIsBroken()
    {
        var action = new GatedAction();
        var barrier = NewBarrier(2, action.RunAsync);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        await action.Started.Task.WaitAsync(Patience);
        barrier.Tell(new BarrierProtocol.Wait(2, c.Ref), c.Ref);
        barrier.Tell(new BarrierProtocol.Abort(3), TestActor);
        ExpectMsg<BarrierProtocol.Aborted>();
        c.ExpectMsg(new BarrierProtocol.Broken(2));
        Assert.True(GetState(barrier, a).IsBroken); // a's next message: the abort did not answer the releasing round

        action.Gate.SetResult();
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        b.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
        Assert.True(GetState(barrier).IsBroken);
    }

    [Fact]
    public void Cancel_Waiting_WithdrawsTheArrivalWithoutBreaking()
    {
        var barrier = NewBarrier(3);
        var (a, b, c, d) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        barrier.Tell(new CoordinatorProtocol.Cancel(1, b.Ref), b.Ref);
        b.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        var state = GetState(barrier);
        Assert.Equal((1, false), (state.Waiting, state.IsBroken));

        barrier.Tell(new BarrierProtocol.Wait(1, c.Ref), c.Ref);
        Assert.Equal(2, GetState(barrier, c).Waiting); // c's next message: not passed yet
        barrier.Tell(new BarrierProtocol.Wait(1, d.Ref), d.Ref);
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        c.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
        d.ExpectMsg(new BarrierProtocol.Passed(1, 2, 0));
        Assert.Equal(0, GetState(barrier, b).Waiting); // b's next message: its withdrawn arrival did not pass
    }

    [Fact]
    public void Cancel_AfterRoundCompleted_ChangesNothing()
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        a.ExpectMsg<BarrierProtocol.Passed>();
        b.ExpectMsg<BarrierProtocol.Passed>();
        barrier.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        var state = GetState(barrier, a); // a's next message: the cancel was not answered
        Assert.Equal((0, false, 1L), (state.Waiting, state.IsBroken, state.Round));
    }

    [Fact]
    public async Task Cancel_WhileActionRuns_PartyStillPasses()
    {
        var action = new GatedAction();
        var barrier = NewBarrier(2, action.RunAsync);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        await action.Started.Task.WaitAsync(Patience);
        barrier.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        Assert.True(GetState(barrier, a).Releasing); // a's next message: the cancel was not answered

        action.Gate.SetResult();
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        b.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
    }

    [Fact]
    public void OwnerDeath_WithdrawsTheArrivalWithoutBreaking()
    {
        var barrier = NewBarrier(3);
        var (owner, replyTo, b, c, d) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, owner.Ref), replyTo.Ref);
        Assert.Equal(2, GetState(barrier).Waiting);

        Sys.Stop(owner.Ref);
        Assert.Equal(RejectionReason.OwnerTerminated, replyTo.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        var state = GetState(barrier);
        Assert.Equal((1, false), (state.Waiting, state.IsBroken));

        barrier.Tell(new BarrierProtocol.Wait(1, c.Ref), c.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, d.Ref), d.Ref);
        b.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        c.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
        d.ExpectMsg(new BarrierProtocol.Passed(1, 2, 0));
    }

    [Fact]
    public void OwnerDeath_OwnerWasItsOwnReplyTo_ArrivalIsWithdrawn()
    {
        var barrier = NewBarrier(2);
        var (owner, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, owner.Ref), owner.Ref);
        Assert.Equal(1, GetState(barrier).Waiting);

        Watch(owner.Ref);
        Sys.Stop(owner.Ref);
        ExpectTerminated(owner.Ref);
        AwaitAssert(() => Assert.Equal(0, GetState(barrier).Waiting), Patience);

        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        Assert.Equal(1, GetState(barrier, b).Waiting); // b's next message: not passed yet
        barrier.Tell(new BarrierProtocol.Wait(1, c.Ref), c.Ref);
        b.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        c.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Wait_NegativeTimeout_IsRejectedAndStateUnchanged(int milliseconds)
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref, TimeSpan.FromMilliseconds(milliseconds)), b.Ref);
        var rejected = b.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((2L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        var state = GetState(barrier, a); // a's next message: the rejected wait did not complete the round
        Assert.Equal((1, false), (state.Waiting, state.IsBroken));

        ExpectRoundCompletes(barrier, a, 1, b, 3);
    }

    [Fact]
    public void Wait_NullOwner_IsRejectedAndStateUnchanged()
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, null!), b.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, b.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        var state = GetState(barrier);
        Assert.Equal((1, false), (state.Waiting, state.IsBroken));

        ExpectRoundCompletes(barrier, a, 1, b, 3);
    }

    [Fact]
    public void Wait_DuplicateWaitingRequestId_IsRejectedAndNotCounted()
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        Assert.Equal(RejectionReason.DuplicateRequest, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(1, GetState(barrier).Waiting);

        ExpectRoundCompletes(barrier, a, 1, b, 1);
    }

    [Fact]
    public async Task Stop_AnswersQueuedAndReleasingPartiesCoordinatorStopped()
    {
        var action = new GatedAction();
        var barrier = NewBarrier(2, action.RunAsync);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        await action.Started.Task.WaitAsync(Patience);
        barrier.Tell(new BarrierProtocol.Wait(2, c.Ref), c.Ref);
        Assert.Equal(1, GetState(barrier).Waiting);

        Sys.Stop(barrier);
        foreach (var p in new[] { a, b, c })
            Assert.Equal(RejectionReason.CoordinatorStopped, p.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        action.Gate.SetResult();
    }
}
