using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <see cref="QueueProtocol.PutMany"/>: all-or-nothing puts in arrival order with the single puts, timeouts,
/// cancellation, owner death, shutdown and bad input.
/// </summary>
public sealed class QueueBatchPutProtocolTests : QueueBatchProtocolTestKit
{
    [Theory]
    [MemberData(nameof(Kinds))]
    public void PutMany_Room_AddsAllItemsInOneStepInTheStoresOrder(string kind)
    {
        var queue = NewQueue(kind);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(3, 1, 4, 2));
        AssertState(this, queue, count: 4, unfinished: 4);
        Assert.Equal(Boxed(InTakeOrder(kind, 3, 1, 4, 2)), Drain(this, queue));
    }

    [Fact]
    public void PutMany_EmptyList_IsAcknowledgedAtOnceEvenWhenFullAndPuttersWait()
    {
        var queue = NewQueue(maxSize: 1);
        var (p, waiting) = (CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, waiting.Ref, 2), waiting.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);

        queue.Tell(new QueueProtocol.PutMany(3, p.Ref, []), p.Ref);
        p.ExpectMsg(new QueueProtocol.PutManyDone(3, 0));
        AssertState(this, queue, count: 1, unfinished: 1, putters: 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PutMany_NotRoomForAll_WaitsWithNothingPutThenAddsAllTogether(string kind)
    {
        var queue = NewQueue(kind, maxSize: 4);
        var (p, getter) = (CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(5, 6, 7));
        queue.Tell(new QueueProtocol.PutMany(2, p.Ref, Boxed(1, 2)), p.Ref);
        AssertStateSeenBy(queue, p, count: 3, unfinished: 3, putters: 1); // p's next message: the batch waits

        var first = GetManyNow(queue, getter, 3, maxCount: 1);
        Assert.Equal(Boxed(InTakeOrder(kind, 5, 6, 7)[0]), first.Items);
        p.ExpectMsg(new QueueProtocol.PutManyDone(2, 2));
        AssertState(this, queue, count: 4, unfinished: 5);
    }

    [Fact]
    public void PutMany_WaitingBatch_HoldsBackALaterSinglePutThatWouldFit()
    {
        var queue = NewQueue(maxSize: 3);
        var (p, batch, single, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2, 3));
        queue.Tell(new QueueProtocol.PutMany(2, batch.Ref, Boxed(4, 5)), batch.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);
        queue.Tell(new QueueProtocol.Put(3, single.Ref, 6), single.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        // Room for one: the single put would fit, but the batch came first.
        Assert.Equal(Boxed(1), GetManyNow(queue, getter, 10, maxCount: 1).Items);
        AssertStateSeenBy(queue, batch, count: 2, unfinished: 3, putters: 2); // neither put was answered
        AssertStateSeenBy(queue, single, count: 2, unfinished: 3, putters: 2);

        // Room for two: the batch goes in; the single put waits for room again.
        Assert.Equal(Boxed(2), GetManyNow(queue, getter, 11, maxCount: 1).Items);
        batch.ExpectMsg(new QueueProtocol.PutManyDone(2, 2));
        AssertStateSeenBy(queue, single, count: 3, unfinished: 5, putters: 1); // the single put still waits

        Assert.Equal(Boxed(3), GetManyNow(queue, getter, 12, maxCount: 1).Items);
        single.ExpectMsg(new QueueProtocol.PutDone(3));
        Assert.Equal(Boxed(4, 5, 6), Drain(this, queue));
    }

    [Fact]
    public void PutMany_BehindAWaitingSinglePut_WaitsItsTurn()
    {
        var queue = NewQueue(maxSize: 2);
        var (p, single, batch, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2));
        queue.Tell(new QueueProtocol.Put(2, single.Ref, 3), single.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);
        queue.Tell(new QueueProtocol.PutMany(3, batch.Ref, Boxed(4, 5)), batch.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        // Two places free up at once: the single put goes first, and the batch no longer fits.
        Assert.Equal(Boxed(1, 2), GetManyNow(queue, getter, 10, maxCount: 2).Items);
        single.ExpectMsg(new QueueProtocol.PutDone(2));
        AssertStateSeenBy(queue, batch, count: 1, unfinished: 3, putters: 1); // batch's next message: it still waits

        Assert.Equal(Boxed(3), GetManyNow(queue, getter, 11, maxCount: 5).Items);
        batch.ExpectMsg(new QueueProtocol.PutManyDone(3, 2));
        Assert.Equal(Boxed(4, 5), Drain(this, queue));
    }

    [Fact]
    public void PutMany_GetMakesRoomForSeveralWaitingPutters_AdmitsThemAllInOrder()
    {
        var queue = NewQueue(maxSize: 4);
        var (p, batch, single, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2, 3, 4));
        queue.Tell(new QueueProtocol.PutMany(2, batch.Ref, Boxed(5, 6)), batch.Ref);
        queue.Tell(new QueueProtocol.Put(3, single.Ref, 7), single.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        Assert.Equal(Boxed(1, 2, 3), GetManyNow(queue, getter, 10, maxCount: 3).Items);
        batch.ExpectMsg(new QueueProtocol.PutManyDone(2, 2));
        single.ExpectMsg(new QueueProtocol.PutDone(3));
        Assert.Equal(Boxed(4, 5, 6, 7), Drain(this, queue));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PutMany_LargerThanMaxSize_IsRejectedInvalidArgumentAndNothingIsPut(string kind)
    {
        var queue = NewQueue(kind, maxSize: 3);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, 9);
        queue.Tell(new QueueProtocol.PutMany(2, p.Ref, Boxed(1, 2, 3, 4)), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        AssertState(this, queue, count: 1, unfinished: 1);

        // As large as the bound is fine: it waits for an empty queue.
        queue.Tell(new QueueProtocol.PutMany(3, p.Ref, Boxed(1, 2, 3)), p.Ref);
        AssertStateSeenBy(queue, p, count: 1, unfinished: 1, putters: 1); // p's next message: the batch waits
        Assert.Equal(Boxed(9), GetManyNow(queue, CreateTestProbe(), 4, maxCount: 3).Items);
        p.ExpectMsg(new QueueProtocol.PutManyDone(3, 3));
        AssertState(this, queue, count: 3, unfinished: 4);
    }

    [Fact]
    public void PutMany_PriorityQueueGivenAnItemOfTheWrongType_IsRejectedAndNothingIsPut()
    {
        var queue = NewQueue("priority");
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, 5);
        queue.Tell(new QueueProtocol.PutMany(2, p.Ref, [1, 2, "three", 4]), p.Ref);
        var rejected = AssertRejected(p, 2, RejectionReason.InvalidArgument);
        Assert.Contains("index 2", rejected.Message);
        queue.Tell(new QueueProtocol.PutMany(3, p.Ref, [1, null]), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);
        AssertState(this, queue, count: 1, unfinished: 1);
        Assert.Equal([5], Drain(this, queue));
    }

    [Fact]
    public void PutMany_PriorityComparerThrowsMidway_RejectionSaysHowManyWentInAndTheyStay()
    {
        // Python's PriorityQueue raises TypeError when it cannot compare: here the items before the failing one are in.
        var queue = Sys.ActorOf(ActorQueue<object>.PriorityProps());
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.PutMany(1, p.Ref, [2, 1, "x", 3]), p.Ref);
        var rejected = AssertRejected(p, 1, RejectionReason.InvalidArgument);
        Assert.StartsWith("2 of the 4 items went in", rejected.Message);
        AssertState(this, queue, count: 2, unfinished: 2);
        Assert.Equal([1, 2], Drain(this, queue));
    }

    [Fact]
    public void PutMany_ZeroTimeoutWithoutRoom_AnswersFullAtOnceAndNothingIsPut()
    {
        var queue = NewQueue(maxSize: 3);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(1, 2));
        queue.Tell(new QueueProtocol.PutMany(2, p.Ref, Boxed(3, 4), TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.Full(2));
        AssertState(this, queue, count: 2, unfinished: 2);
    }

    [Fact]
    public void PutMany_TimedOut_AnswersFullNothingIsPutAndTheSinglePutBehindItGoesIn()
    {
        var queue = NewQueue(maxSize: 3);
        var (p, single) = (CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2));
        queue.Tell(new QueueProtocol.PutMany(2, p.Ref, Boxed(3, 4), TimeSpan.FromMilliseconds(100)), p.Ref);
        queue.Tell(new QueueProtocol.Put(3, single.Ref, 5), single.Ref);
        single.ExpectNoMsg(TimeSpan.Zero);

        p.ExpectMsg(new QueueProtocol.Full(2), TestTimes.Settle);
        single.ExpectMsg(new QueueProtocol.PutDone(3));
        Assert.Equal([1, 2, 5], Drain(this, queue));
    }

    [Fact]
    public void PutMany_Cancelled_AnswersCancelledNothingIsPutAndTheSinglePutBehindItGoesIn()
    {
        var queue = NewQueue(maxSize: 3);
        var (p, batch, single) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2));
        queue.Tell(new QueueProtocol.PutMany(2, batch.Ref, Boxed(3, 4)), batch.Ref);
        queue.Tell(new QueueProtocol.Put(3, single.Ref, 5), single.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        queue.Tell(new CoordinatorProtocol.Cancel(2, batch.Ref), batch.Ref);
        batch.ExpectMsg(new CoordinatorProtocol.Cancelled(2));
        single.ExpectMsg(new QueueProtocol.PutDone(3));
        Assert.Equal([1, 2, 5], Drain(this, queue));
        AssertStateSeenBy(queue, batch, count: 0, unfinished: 3); // batch's next message: its cancelled batch never went in
    }

    [Fact]
    public void PutMany_OwnerDies_ItsBatchIsDroppedAndTheSinglePutBehindItGoesIn()
    {
        var queue = NewQueue(maxSize: 3);
        var (p, dead, single) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1, 2));
        queue.Tell(new QueueProtocol.PutMany(2, dead.Ref, Boxed(3, 4)), dead.Ref);
        queue.Tell(new QueueProtocol.Put(3, single.Ref, 5), single.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        Sys.Stop(dead.Ref);
        single.ExpectMsg(new QueueProtocol.PutDone(3));
        AssertState(this, queue, count: 3, unfinished: 3);
        Assert.Equal([1, 2, 5], Drain(this, queue));
    }

    [Fact]
    public void PutMany_ShutDown_RefusesLaterBatchesAndWakesWaitingOnesWithNothingPut()
    {
        var queue = NewQueue(maxSize: 2);
        var (p, waiting) = (CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, p, 1, Boxed(1));
        queue.Tell(new QueueProtocol.PutMany(2, waiting.Ref, Boxed(2, 3)), waiting.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);

        queue.Tell(new QueueProtocol.Shutdown(3), p.Ref);
        p.ExpectMsg(new QueueProtocol.ShutdownDone(3, 0));
        waiting.ExpectMsg(new QueueProtocol.QueueShutDown(2));
        queue.Tell(new QueueProtocol.PutMany(4, p.Ref, Boxed(4)), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(4));
        queue.Tell(new QueueProtocol.PutMany(5, p.Ref, []), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(5));
        AssertState(this, queue, count: 1, unfinished: 1);
    }

    [Fact]
    public void PutMany_BadRequests_AreRejectedAndTheQueueKeepsWorking()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.PutMany(1, p.Ref, null!), p.Ref);
        AssertRejected(p, 1, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.PutMany(2, null!, Boxed(1)), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.PutMany(3, p.Ref, Boxed(1), TimeSpan.FromMilliseconds(-2)), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);
        AssertState(this, queue, count: 0, unfinished: 0);
        PutManyNow(queue, p, 4, Boxed(7));
        Assert.Equal([7], Drain(this, queue));
    }
}
