using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// Gets that wait for an item, puts that wait for room in a bounded queue, their timeouts and cancellation.
/// </summary>
public sealed class QueueWaitProtocolTests : QueueProtocolTestKit
{
    [Fact]
    public void Get_Empty_WaitsAndReceivesGotWhenAnItemIsPut()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        Assert.Equal(1, StateSeenBy(queue, getter).WaitingGetters); // getter's next message: not answered yet

        PutNow(queue, putter, 2, 42);
        var got = getter.ExpectMsg<QueueProtocol.Got>();
        Assert.Equal((1L, (object?)42), (got.RequestId, got.Item));
        var state = StateOf(this, queue);
        Assert.Equal((0, 0, 1), (state.Count, state.WaitingGetters, state.Unfinished));
    }

    [Fact]
    public void Get_SeveralWaiting_AreServedInArrivalOrder()
    {
        var queue = NewQueue();
        var getters = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < getters.Count; i++) queue.Tell(new QueueProtocol.Get(i, getters[i].Ref), getters[i].Ref);
        AwaitWaiting(this, queue, getters: 5, putters: 0);

        var putter = CreateTestProbe();
        for (var i = 0; i < getters.Count; i++) PutNow(queue, putter, 100 + i, i);
        for (var i = 0; i < getters.Count; i++) Assert.Equal(i, getters[i].ExpectMsg<QueueProtocol.Got>().Item);
    }

    [Fact]
    public void Get_InfiniteTimeSpan_WaitsUntilAnItemIsPut()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref, Timeout.InfiniteTimeSpan), getter.Ref);
        Assert.Equal(1, StateSeenBy(queue, getter).WaitingGetters);
        PutNow(queue, putter, 2, 3);
        Assert.Equal(3, getter.ExpectMsg<QueueProtocol.Got>().Item);
    }

    [Fact]
    public void Get_ZeroTimeoutOnEmpty_AnswersEmptyAtOnceAndNeverWaits()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(4, getter.Ref, TimeSpan.Zero), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.Empty(4));
        Assert.Equal(0, StateOf(this, queue).WaitingGetters);

        PutNow(queue, putter, 5, 1);
        Assert.Equal(1, StateSeenBy(queue, getter).Count); // getter's next message: the put did not answer it
    }

    [Fact]
    public void Get_TimedOnEmpty_CoordinatorAnswersEmptyAndNeverGrantsLater()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(6, getter.Ref, TimeSpan.FromMilliseconds(100)), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.Empty(6), TestTimes.Settle);
        Assert.Equal(0, StateOf(this, queue).WaitingGetters);

        PutNow(queue, putter, 7, 11);
        Assert.Equal(1, StateSeenBy(queue, getter).Count);
        Assert.Equal([11], Drain(this, queue));
    }

    [Fact]
    public void Get_TimedAndItemPutInTime_ReceivesTheItem()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref, TimeSpan.FromMinutes(5)), getter.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        PutNow(queue, putter, 2, 8);
        Assert.Equal(8, getter.ExpectMsg<QueueProtocol.Got>().Item);
    }

    [Fact]
    public void Put_FullBoundedQueue_IsAcknowledgedOnlyWhenAGetMakesRoom()
    {
        var queue = NewQueue(maxSize: 2);
        var (putter, getter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, putter, 1, 1);
        PutNow(queue, putter, 2, 2);
        Assert.True(StateOf(this, queue).IsFull);

        queue.Tell(new QueueProtocol.Put(3, putter.Ref, 3), putter.Ref);
        var state = StateSeenBy(queue, putter);
        Assert.Equal((2, 1, 2), (state.Count, state.WaitingPutters, state.Unfinished));

        Assert.Equal(1, GetNow(queue, getter, 10).Item);
        putter.ExpectMsg(new QueueProtocol.PutDone(3));
        state = StateOf(this, queue);
        Assert.Equal((2, 0, 3, true), (state.Count, state.WaitingPutters, state.Unfinished, state.IsFull));
        Assert.Equal([2, 3], Drain(this, queue));
    }

    [Fact]
    public void Put_SeveralWaitingOnFullQueue_AreAdmittedInArrivalOrder()
    {
        var queue = NewQueue(maxSize: 1);
        var first = CreateTestProbe();
        PutNow(queue, first, 1, 0);
        var putters = Enumerable.Range(1, 4).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < putters.Count; i++) queue.Tell(new QueueProtocol.Put(10 + i, putters[i].Ref, i + 1), putters[i].Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 4);

        var getter = CreateTestProbe();
        for (var i = 0; i < putters.Count; i++)
        {
            Assert.Equal(i, GetNow(queue, getter, 100 + i).Item);
            putters[i].ExpectMsg(new QueueProtocol.PutDone(10 + i));
            var state = StateOf(this, queue);
            Assert.Equal((1, putters.Count - i - 1), (state.Count, state.WaitingPutters));
        }

        Assert.Equal([4], Drain(this, queue));
    }

    [Fact]
    public void Put_UnboundedQueue_NeverWaits()
    {
        foreach (var maxSize in new[] { 0, -3 })
        {
            var queue = NewQueue(maxSize);
            var putter = CreateTestProbe();
            for (var i = 1; i <= 50; i++) queue.Tell(new QueueProtocol.Put(i, putter.Ref, i, TimeSpan.Zero), putter.Ref);
            for (var i = 1; i <= 50; i++) putter.ExpectMsg(new QueueProtocol.PutDone(i));
            var state = StateOf(this, queue);
            Assert.Equal((50, maxSize, false), (state.Count, state.MaxSize, state.IsFull));
        }
    }

    [Fact]
    public void Put_ZeroTimeoutOnFull_AnswersFullAtOnceAndItemNeverEnters()
    {
        var queue = NewQueue(maxSize: 1);
        var putter = CreateTestProbe();
        PutNow(queue, putter, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, putter.Ref, 2, TimeSpan.Zero), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.Full(2));
        var state = StateOf(this, queue);
        Assert.Equal((1, 0, 1), (state.Count, state.WaitingPutters, state.Unfinished));
        Assert.Equal([1], Drain(this, queue));
    }

    [Fact]
    public void Put_TimedOnFull_CoordinatorAnswersFullAndItemNeverEnters()
    {
        var queue = NewQueue(maxSize: 1);
        var (putter, getter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, putter, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, putter.Ref, 2, TimeSpan.FromMilliseconds(100)), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.Full(2), TestTimes.Settle);

        Assert.Equal(1, GetNow(queue, getter, 3).Item);
        var state = StateSeenBy(queue, putter);
        Assert.Equal((0, 0, 1), (state.Count, state.WaitingPutters, state.Unfinished));
    }

    [Fact]
    public void Cancel_WaitingGet_AnswersCancelledAndTheItemGoesToTheNextGetter()
    {
        var queue = NewQueue();
        var (g1, g2, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, g1.Ref), g1.Ref);
        queue.Tell(new QueueProtocol.Get(1, g2.Ref), g2.Ref);
        queue.Tell(new CoordinatorProtocol.Cancel(1, g1.Ref), g1.Ref);
        g1.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        Assert.Equal(1, StateOf(this, queue).WaitingGetters);

        PutNow(queue, putter, 2, 5);
        Assert.Equal(5, g2.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(0, StateSeenBy(queue, g1).WaitingGetters); // g1's next message: it was skipped
    }

    [Fact]
    public void Cancel_WaitingPut_AnswersCancelledAndItsItemNeverEntersTheQueue()
    {
        var queue = NewQueue(maxSize: 1);
        var (p1, p2, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutNow(queue, p1, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, p2.Ref, 2), p2.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);
        queue.Tell(new CoordinatorProtocol.Cancel(2, p2.Ref), p2.Ref);
        p2.ExpectMsg(new CoordinatorProtocol.Cancelled(2));

        Assert.Equal(1, GetNow(queue, getter, 3).Item);
        var state = StateSeenBy(queue, p2);
        Assert.Equal((0, 0, 1), (state.Count, state.WaitingPutters, state.Unfinished));
    }

    [Fact]
    public void Cancel_AfterGot_ChangesNothing()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, putter, 1, 1);
        PutNow(queue, putter, 2, 2);
        GetNow(queue, getter, 3);
        queue.Tell(new CoordinatorProtocol.Cancel(3, getter.Ref), getter.Ref);
        Assert.Equal(1, StateSeenBy(queue, getter).Count); // getter's next message: the cancel was not answered
        Assert.Equal([2], Drain(this, queue));
    }

    [Fact]
    public void Cancel_OtherOwnersRequestId_DoesNotWithdrawTheWait()
    {
        var queue = NewQueue();
        var (getter, stranger, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        queue.Tell(new CoordinatorProtocol.Cancel(1, stranger.Ref), stranger.Ref);
        Assert.Equal(1, StateSeenBy(queue, stranger).WaitingGetters); // stranger's next message: its cancel was not answered
        PutNow(queue, putter, 2, 9);
        Assert.Equal(9, getter.ExpectMsg<QueueProtocol.Got>().Item);
    }
}
