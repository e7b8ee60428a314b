using Actors.Barrier;

namespace Actors.Tests.Barrier;

/// <summary>
/// Rounds of the barrier: arrival order, the action run before any party passes, and timeouts that break it.
/// </summary>
public sealed class BarrierProtocolTests : BarrierProtocolTestKit
{
    [Fact]
    public void Wait_ThreeRoundsOfFiveParties_IndicesFollowArrivalAndActionRanBeforeEveryReply()
    {
        var actionRuns = 0;
        var barrier = NewBarrier(5, () =>
        {
            Interlocked.Increment(ref actionRuns);
            return Task.CompletedTask;
        });
        var parties = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < parties.Count; i++)
            {
                if (round == 0 && i == parties.Count - 1) Assert.Equal(4, GetState(barrier, parties[0]).Waiting); // none passed yet
                barrier.Tell(new BarrierProtocol.Wait(round, parties[i].Ref), parties[i].Ref);
            }

            var indices = new List<int>();
            for (var i = 0; i < parties.Count; i++)
            {
                var passed = parties[i].ExpectMsg<BarrierProtocol.Passed>();
                Assert.Equal(round + 1, Volatile.Read(ref actionRuns));
                Assert.Equal(((long)round, (long)round), (passed.RequestId, passed.Round));
                indices.Add(passed.Index);
            }

            Assert.Equal(Enumerable.Range(0, 5), indices);
        }

        Assert.Equal(3, Volatile.Read(ref actionRuns));
        var state = GetState(barrier);
        Assert.Equal((5, 0, false, 3L, false), (state.Parties, state.Waiting, state.IsBroken, state.Round, state.Releasing));
    }

    [Fact]
    public void Wait_OnePartyBarrier_PassesAtOnceWithIndexZero()
    {
        var barrier = NewBarrier(1);
        var a = CreateTestProbe();
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        barrier.Tell(new BarrierProtocol.Wait(2, a.Ref, TimeSpan.Zero), a.Ref);
        a.ExpectMsg(new BarrierProtocol.Passed(2, 0, 1));
    }

    [Fact]
    public async Task Action_Running_NoPartyIsReleasedUntilItCompletes()
    {
        var action = new GatedAction();
        var barrier = NewBarrier(3, action.RunAsync);
        var parties = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        foreach (var p in parties) barrier.Tell(new BarrierProtocol.Wait(1, p.Ref), p.Ref);

        await action.Started.Task.WaitAsync(Patience);
        foreach (var p in parties) Assert.True(GetState(barrier, p).Releasing); // each party's next message: not released
        var state = GetState(barrier);
        Assert.Equal((0, true, 1L), (state.Waiting, state.Releasing, state.Round));

        action.Gate.SetResult();
        for (var i = 0; i < parties.Count; i++) parties[i].ExpectMsg(new BarrierProtocol.Passed(1, i, 0));
        Assert.Equal(1, action.Runs);
    }

    [Fact]
    public async Task Wait_WhileActionRuns_CountsForTheNextRound()
    {
        var action = new GatedAction();
        var barrier = NewBarrier(2, action.RunAsync);
        var (a, b, c, d, e) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        await action.Started.Task.WaitAsync(Patience);

        foreach (var late in new[] { c, d, e }) barrier.Tell(new BarrierProtocol.Wait(2, late.Ref), late.Ref);
        var state = GetState(barrier);
        Assert.Equal((3, true, 1L), (state.Waiting, state.Releasing, state.Round));
        Assert.True(GetState(barrier, a).Releasing); // a's and c's next messages: neither released yet
        Assert.True(GetState(barrier, c).Releasing);

        action.Gate.SetResult();
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        b.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
        c.ExpectMsg(new BarrierProtocol.Passed(2, 0, 1));
        d.ExpectMsg(new BarrierProtocol.Passed(2, 1, 1));
        state = GetState(barrier, e); // e's next message: it waits for the next round
        Assert.Equal((1, false, 2L, false), (state.Waiting, state.Releasing, state.Round, state.IsBroken));
        Assert.Equal(2, action.Runs);
    }

    [Fact]
    public void Wait_TimesOut_BreaksTheBarrierForAllWaitersAndLaterWaits()
    {
        var barrier = NewBarrier(3);
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref, TimeSpan.FromMilliseconds(100)), b.Ref);
        b.ExpectMsg(new BarrierProtocol.Broken(2), TestTimes.Settle);
        a.ExpectMsg(new BarrierProtocol.Broken(1));

        barrier.Tell(new BarrierProtocol.Wait(3, c.Ref), c.Ref);
        c.ExpectMsg(new BarrierProtocol.Broken(3));
        Assert.True(GetState(barrier).IsBroken);
    }

    [Fact]
    public void Wait_NoTimeoutGiven_UsesTheDefaultTimeoutAndBreaks()
    {
        var barrier = NewBarrier(2, defaultTimeout: TimeSpan.FromMilliseconds(100));
        var a = CreateTestProbe();
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        a.ExpectMsg(new BarrierProtocol.Broken(1), TestTimes.Settle);
        Assert.True(GetState(barrier).IsBroken);
    }

    [Fact]
    public void Wait_InfiniteTimeout_IgnoresTheDefaultTimeout()
    {
        var barrier = NewBarrier(2, defaultTimeout: TimeSpan.FromMilliseconds(50));
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref, Timeout.InfiniteTimeSpan), a.Ref);
        // Kept: only waiting past the 50 ms default timeout shows that it is not applied to an infinite wait.
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref, Timeout.InfiniteTimeSpan), b.Ref);
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        b.ExpectMsg(new BarrierProtocol.Passed(1, 1, 0));
    }

    [Fact]
    public void Wait_ZeroTimeoutNotCompletingTheRound_BreaksAtOnce()
    {
        var barrier = NewBarrier(3);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref, TimeSpan.Zero), b.Ref);
        b.ExpectMsg(new BarrierProtocol.Broken(2));
        a.ExpectMsg(new BarrierProtocol.Broken(1));
        Assert.True(GetState(barrier).IsBroken);
    }

    [Fact]
    public void Wait_ZeroTimeoutCompletingTheRound_Passes()
    {
        var barrier = NewBarrier(2);
        var (a, b) = (CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref, TimeSpan.Zero), b.Ref);
        a.ExpectMsg(new BarrierProtocol.Passed(1, 0, 0));
        b.ExpectMsg(new BarrierProtocol.Passed(2, 1, 0));
        Assert.False(GetState(barrier).IsBroken);
    }

    [Fact]
    public void Action_Throws_CompletingPartyGetsTheExceptionOthersBrokenAndBarrierBroken()
    {
        var failure = new InvalidOperationException("the action failed");
        var barrier = NewBarrier(3, () => throw failure);
        var (a, b, c, d) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(2, b.Ref), b.Ref);
        barrier.Tell(new BarrierProtocol.Wait(3, c.Ref), c.Ref);

        var failed = c.ExpectMsg<BarrierProtocol.ActionFailed>();
        Assert.Equal(3, failed.RequestId);
        Assert.Same(failure, failed.Exception);
        a.ExpectMsg(new BarrierProtocol.Broken(1));
        b.ExpectMsg(new BarrierProtocol.Broken(2));
        Assert.True(GetState(barrier).IsBroken);
        barrier.Tell(new BarrierProtocol.Wait(4, d.Ref), d.Ref);
        d.ExpectMsg(new BarrierProtocol.Broken(4));
    }

    [Fact]
    public async Task Action_FaultsAsynchronously_NextRoundArrivalsAreBrokenToo()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var barrier = NewBarrier(2, async () =>
        {
            started.TrySetResult();
            await gate.Task;
            throw new TimeoutException("late failure");
        });
        var (a, b, c) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        barrier.Tell(new BarrierProtocol.Wait(1, a.Ref), a.Ref);
        barrier.Tell(new BarrierProtocol.Wait(1, b.Ref), b.Ref);
        await started.Task.WaitAsync(Patience);
        barrier.Tell(new BarrierProtocol.Wait(2, c.Ref), c.Ref);
        Assert.Equal(1, GetState(barrier).Waiting);

        gate.SetResult();
        Assert.IsType<TimeoutException>(b.ExpectMsg<BarrierProtocol.ActionFailed>().Exception);
        a.ExpectMsg(new BarrierProtocol.Broken(1));
        c.ExpectMsg(new BarrierProtocol.Broken(2));
        Assert.True(GetState(barrier).IsBroken);
    }
}
