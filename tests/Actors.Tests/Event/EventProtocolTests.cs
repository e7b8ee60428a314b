using Actors.Event;

namespace Actors.Tests.Event;

/// <summary>The event coordinator driven by Tell from TestProbes, the way an actor uses it.</summary>
public sealed class EventProtocolTests : CoordinatorTestKit
{
    private readonly IActorRef _event;

    public EventProtocolTests() => _event = Sys.ActorOf(ActorEvent.Props());

    [Fact]
    public void Wait_Clear_WaitsUntilSetWakesEveryWaiter()
    {
        var waiters = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        var setter = CreateTestProbe();
        for (var i = 0; i < waiters.Count; i++) _event.Tell(new EventProtocol.Wait(10 + i, waiters[i].Ref), waiters[i].Ref);
                var state = StateSeenBy(waiters[0], 1);
        Assert.Equal((false, 3), (state.IsSet, state.Waiting));
        Assert.All(waiters, w => Assert.False(w.HasMessages));

        _event.Tell(new EventProtocol.Set(2), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(2, 3));
        for (var i = 0; i < waiters.Count; i++) waiters[i].ExpectMsg(new EventProtocol.Signalled(10 + i));
        var after = StateSeenBy(setter, 3);
        Assert.Equal((true, 0), (after.IsSet, after.Waiting));
    }

    [Fact]
    public void Wait_Set_AnswersSignalledAtOnce()
    {
        var a = CreateTestProbe();
        _event.Tell(new EventProtocol.Set(1), a.Ref);
        a.ExpectMsg(new EventProtocol.WasSet(1, 0));
        _event.Tell(new EventProtocol.Wait(2, a.Ref), a.Ref);
        a.ExpectMsg(new EventProtocol.Signalled(2));
        _event.Tell(new EventProtocol.Wait(3, a.Ref, TimeSpan.Zero), a.Ref);
        a.ExpectMsg(new EventProtocol.Signalled(3));
        Assert.Equal(0, StateSeenBy(a, 4).Waiting);
    }

    [Fact]
    public void Set_AlreadySet_StaysSetAndWakesNobody()
    {
        var a = CreateTestProbe();
        _event.Tell(new EventProtocol.Set(1), a.Ref);
        a.ExpectMsg(new EventProtocol.WasSet(1, 0));
        _event.Tell(new EventProtocol.Set(2), a.Ref);
        a.ExpectMsg(new EventProtocol.WasSet(2, 0));
        Assert.True(StateSeenBy(a, 3).IsSet);
    }

    [Fact]
    public void Wait_ClearWithZeroTimeout_AnswersNotSignalledAtOnce()
    {
        var a = CreateTestProbe();
        _event.Tell(new EventProtocol.Wait(7, a.Ref, TimeSpan.Zero), a.Ref);
        a.ExpectMsg(new EventProtocol.NotSignalled(7));
        Assert.Equal(0, StateSeenBy(a, 8).Waiting);
    }

    [Fact]
    public void Wait_ClearWithTimeout_CoordinatorAnswersNotSignalledAndNeverSignalsLater()
    {
        var a = CreateTestProbe();
        var setter = CreateTestProbe();
        _event.Tell(new EventProtocol.Wait(5, a.Ref, TimeSpan.FromMilliseconds(100)), a.Ref);
        a.ExpectMsg(new EventProtocol.NotSignalled(5), TestTimes.Settle);
        Assert.Equal(_event, a.LastSender);
        Assert.Equal(0, StateSeenBy(setter, 1).Waiting);

        _event.Tell(new EventProtocol.Set(2), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(2, 0));
        Assert.True(StateSeenBy(a, 3).IsSet); // a's next message: the set did not signal the timed-out wait
    }

    [Fact]
    public void Wait_TimedWaitersWithDifferentDeadlines_ExpireOneByOne()
    {
        var (early, late, forever) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var setter = CreateTestProbe();
        _event.Tell(new EventProtocol.Wait(1, late.Ref, TimeSpan.FromSeconds(1)), late.Ref);
        _event.Tell(new EventProtocol.Wait(1, early.Ref, TimeSpan.FromMilliseconds(100)), early.Ref);
        _event.Tell(new EventProtocol.Wait(1, forever.Ref), forever.Ref);
        early.ExpectMsg(new EventProtocol.NotSignalled(1), TestTimes.Settle);
        late.ExpectMsg(new EventProtocol.NotSignalled(1), TestTimes.Settle);
        Assert.Equal(1, StateSeenBy(setter, 2).Waiting);
        _event.Tell(new EventProtocol.Set(3), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(3, 1));
        forever.ExpectMsg(new EventProtocol.Signalled(1));
    }

    [Fact]
    public void Wait_InfiniteTimeSpan_WaitsUntilSet()
    {
        var (a, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref, Timeout.InfiniteTimeSpan), a.Ref);
        Assert.Equal(1, StateSeenBy(a, 3).Waiting); // a's next message: not signalled yet
        _event.Tell(new EventProtocol.Set(2), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(2, 1));
        a.ExpectMsg(new EventProtocol.Signalled(1));
    }

    [Fact]
    public void Wait_AnonymousOwner_WaitsAndIsSignalled()
    {
        var (replyTo, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, ActorRefs.Nobody), replyTo.Ref);
        _event.Tell(new EventProtocol.Wait(2, ActorRefs.Nobody), replyTo.Ref);
                Assert.Equal(2, StateSeenBy(replyTo, 3).Waiting);
        _event.Tell(new EventProtocol.Set(4), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(4, 2));
        replyTo.ExpectMsg(new EventProtocol.Signalled(1));
        replyTo.ExpectMsg(new EventProtocol.Signalled(2));
    }

    [Fact]
    public void Clear_AfterSet_LaterWaitsWaitAgain()
    {
        var (a, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Set(1), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(1, 0));
        _event.Tell(new EventProtocol.Clear(2), setter.Ref);
        setter.ExpectMsg(new EventProtocol.Cleared(2));
        Assert.False(StateSeenBy(setter, 3).IsSet);

        _event.Tell(new EventProtocol.Wait(4, a.Ref), a.Ref);
                Assert.Equal(1, StateSeenBy(a, 5).Waiting);
        _event.Tell(new EventProtocol.Set(6), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(6, 1));
        a.ExpectMsg(new EventProtocol.Signalled(4));
    }

    [Fact]
    public void Clear_ClearEventWithWaiters_KeepsThemWaiting()
    {
        var (a, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref), a.Ref);
        _event.Tell(new EventProtocol.Clear(2), setter.Ref);
        setter.ExpectMsg(new EventProtocol.Cleared(2));
                Assert.Equal(1, StateSeenBy(a, 3).Waiting);
    }

    [Fact]
    public void SetThenClear_ToldBackToBack_WakesEveryEarlierWaiterAndLaterWaiterWaits()
    {
        var waiters = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        var (setter, late) = (CreateTestProbe(), CreateTestProbe());
        foreach (var w in waiters) _event.Tell(new EventProtocol.Wait(1, w.Ref), w.Ref);
        Assert.Equal(5, StateSeenBy(setter, 1).Waiting);

        _event.Tell(new EventProtocol.Set(2), setter.Ref);
        _event.Tell(new EventProtocol.Clear(3), setter.Ref);
        _event.Tell(new EventProtocol.Wait(1, late.Ref), late.Ref);

        setter.ExpectMsg(new EventProtocol.WasSet(2, 5));
        setter.ExpectMsg(new EventProtocol.Cleared(3));
        foreach (var w in waiters) w.ExpectMsg(new EventProtocol.Signalled(1));
                var state = StateSeenBy(late, 4);
        Assert.Equal((false, 1), (state.IsSet, state.Waiting));
    }

    [Fact]
    public void Cancel_Waiting_AnswersCancelledAndSetSkipsTheWaiter()
    {
        var (a, b, setter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref), a.Ref);
        _event.Tell(new EventProtocol.Wait(1, b.Ref), b.Ref);
        _event.Tell(new CoordinatorProtocol.Cancel(1, a.Ref), a.Ref);
        a.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        Assert.Equal(1, StateSeenBy(setter, 2).Waiting);

        _event.Tell(new EventProtocol.Set(3), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(3, 1));
        b.ExpectMsg(new EventProtocol.Signalled(1));
        Assert.True(StateSeenBy(a, 4).IsSet); // a's next message: its withdrawn wait was not signalled
    }

    [Fact]
    public void Cancel_NamingAnotherOwner_LeavesTheWaitInPlace()
    {
        var (a, other) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref), a.Ref);
        _event.Tell(new CoordinatorProtocol.Cancel(1, other.Ref), other.Ref);
        Assert.Equal(1, StateSeenBy(other, 2).Waiting); // other's next message: its cancel was not answered
        Assert.Equal(1, StateSeenBy(a, 5).Waiting); // a's next message: it was not cancelled
    }

    [Fact]
    public void Cancel_AfterSignalled_ChangesNothing()
    {
        var a = CreateTestProbe();
        _event.Tell(new EventProtocol.Set(1), a.Ref);
        a.ExpectMsg<EventProtocol.WasSet>();
        _event.Tell(new EventProtocol.Wait(2, a.Ref), a.Ref);
        a.ExpectMsg(new EventProtocol.Signalled(2));
        _event.Tell(new CoordinatorProtocol.Cancel(2, a.Ref), a.Ref);
                Assert.True(StateSeenBy(a, 3).IsSet);
    }

    [Fact]
    public void OwnerDeath_DropsTheOwnersWaits()
    {
        var (owner, observer) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, owner.Ref), owner.Ref);
        _event.Tell(new EventProtocol.Wait(2, owner.Ref, TimeSpan.FromMinutes(5)), owner.Ref);
        Assert.Equal(2, StateSeenBy(observer, 3).Waiting);

        Sys.Stop(owner.Ref);
        AwaitAssert(() => Assert.Equal(0, StateSeenBy(observer, 4).Waiting), Patience);

        _event.Tell(new EventProtocol.Set(5), observer.Ref);
        observer.ExpectMsg(new EventProtocol.WasSet(5, 0));
    }

    [Fact]
    public void OwnerDeath_WithSeparateReplyTo_AnswersOwnerTerminatedAndKeepsOtherWaits()
    {
        var (owner, replyTo, survivor, observer) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, owner.Ref), replyTo.Ref);
        _event.Tell(new EventProtocol.Wait(1, survivor.Ref), survivor.Ref);
        Assert.Equal(2, StateSeenBy(observer, 2).Waiting);

        Sys.Stop(owner.Ref);
        var rejected = replyTo.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.OwnerTerminated), (rejected.RequestId, rejected.Reason));
        Assert.Equal(1, StateSeenBy(observer, 3).Waiting);

        _event.Tell(new EventProtocol.Set(4), observer.Ref);
        observer.ExpectMsg(new EventProtocol.WasSet(4, 1));
        survivor.ExpectMsg(new EventProtocol.Signalled(1));
        Assert.True(StateSeenBy(replyTo, 5).IsSet); // replyTo's next message: the dead owner's wait was not signalled
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Wait_NegativeTimeout_IsRejectedAndCoordinatorKeepsWorking(int milliseconds)
    {
        var (a, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref, TimeSpan.FromMilliseconds(milliseconds)), a.Ref);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.InvalidArgument), (rejected.RequestId, rejected.Reason));
        Assert.Equal(0, StateSeenBy(a, 2).Waiting);

        _event.Tell(new EventProtocol.Wait(3, a.Ref), a.Ref);
        _event.Tell(new EventProtocol.Set(4), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(4, 1));
        a.ExpectMsg(new EventProtocol.Signalled(3));
    }

    [Fact]
    public void Wait_NullOwner_IsRejected()
    {
        var a = CreateTestProbe();
        _event.Tell(new EventProtocol.Wait(1, null!), a.Ref);
        Assert.Equal(RejectionReason.InvalidArgument, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(0, StateSeenBy(a, 2).Waiting);
    }

    [Fact]
    public void Wait_DuplicateWaitingRequestId_IsRejected()
    {
        var (a, setter) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(4, a.Ref), a.Ref);
        _event.Tell(new EventProtocol.Wait(4, a.Ref), a.Ref);
        Assert.Equal(RejectionReason.DuplicateRequest, a.ExpectMsg<CoordinatorProtocol.Rejected>().Reason);
        Assert.Equal(1, StateSeenBy(setter, 5).Waiting);
        _event.Tell(new EventProtocol.Set(6), setter.Ref);
        setter.ExpectMsg(new EventProtocol.WasSet(6, 1));
        a.ExpectMsg(new EventProtocol.Signalled(4));
    }

    [Fact]
    public void Stop_WithWaiters_AnswersThemCoordinatorStopped()
    {
        var (a, observer) = (CreateTestProbe(), CreateTestProbe());
        _event.Tell(new EventProtocol.Wait(1, a.Ref), a.Ref);
        Assert.Equal(1, StateSeenBy(observer, 2).Waiting);
        Sys.Stop(_event);
        var rejected = a.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((1L, RejectionReason.CoordinatorStopped), (rejected.RequestId, rejected.Reason));
    }

    private EventProtocol.EventState StateSeenBy(TestProbe probe, long requestId)
    {
        _event.Tell(new EventProtocol.GetState(requestId), probe.Ref);
        var state = probe.ExpectMsg<EventProtocol.EventState>();
        Assert.Equal(requestId, state.RequestId);
        return state;
    }
}
