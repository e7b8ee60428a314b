using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// The batch messages of the queue coordinator (<see cref="QueueProtocol.PutMany"/>, <see cref="QueueProtocol.GetMany"/>,
/// <see cref="QueueProtocol.TaskDone"/> with a count) driven by Tell from TestProbes, for FIFO, LIFO and priority queues:
/// all-or-nothing puts in arrival order with the single puts, gets that wait for the first item and take what is there,
/// give-back by sequence, timeouts, cancellation, owner death, shutdown, task tracking and bad input.
/// </summary>
public sealed class QueueBatchProtocolTests : CoordinatorTestKit
{
    public static TheoryData<string> Kinds => new() { "fifo", "lifo", "priority" };

    private IActorRef NewQueue(string kind = "fifo", int maxSize = 0) => Sys.ActorOf(kind switch
    {
        "fifo" => ActorQueue<int>.Props(maxSize),
        "lifo" => ActorQueue<int>.LifoProps(maxSize),
        _ => ActorQueue<int>.PriorityProps(maxSize: maxSize),
    });

    /// <summary>The order in which a queue of <paramref name="kind"/> hands out <paramref name="put"/>, put in that order.</summary>
    private static int[] InTakeOrder(string kind, params int[] put) => kind switch
    {
        "fifo" => put,
        "lifo" => put.Reverse().ToArray(),
        _ => put.Order().ToArray(),
    };

    private static void PutManyNow(IActorRef queue, TestProbe putter, long requestId, params object?[] items)
    {
        queue.Tell(new QueueProtocol.PutMany(requestId, putter.Ref, items), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutManyDone(requestId, items.Length));
    }

    private static QueueProtocol.GotMany GetManyNow(IActorRef queue, TestProbe getter, long requestId, int maxCount)
    {
        queue.Tell(new QueueProtocol.GetMany(requestId, getter.Ref, maxCount), getter.Ref);
        return ExpectGotMany(getter, requestId);
    }

    private static QueueProtocol.GotMany ExpectGotMany(TestProbe getter, long requestId)
    {
        var got = getter.ExpectMsg<QueueProtocol.GotMany>(TestTimes.Settle);
        Assert.Equal(requestId, got.RequestId);
        Assert.Equal(got.Items.Count, got.Sequences.Count);
        return got;
    }

    private static object?[] Boxed(params int[] items) => items.Cast<object?>().ToArray();

    private static CoordinatorProtocol.Rejected AssertRejected(TestProbe probe, long requestId, RejectionReason reason)
    {
        var rejected = probe.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((requestId, reason), (rejected.RequestId, rejected.Reason));
        return rejected;
    }

    // ---- PutMany ------------------------------------------------------------------------------------------------

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

    // ---- GetMany ------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GetMany_ItemsThere_TakesAtMostMaxCountInTheStoresOrder(string kind)
    {
        var queue = NewQueue(kind);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(4, 2, 5, 1, 3));
        var expected = InTakeOrder(kind, 4, 2, 5, 1, 3);

        Assert.Equal(Boxed(expected[..3]), GetManyNow(queue, p, 2, maxCount: 3).Items);
        Assert.Equal(Boxed(expected[3..]), GetManyNow(queue, p, 3, maxCount: 10).Items);
        AssertState(this, queue, count: 0, unfinished: 5);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GetMany_Empty_WaitsForTheFirstItemAndTakesOnlyWhatIsThere(string kind)
    {
        var queue = NewQueue(kind);
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, getter.Ref, 10), getter.Ref);
        AssertStateSeenBy(queue, getter, count: 0, unfinished: 0, getters: 1); // getter's next message: it waits

        queue.Tell(new QueueProtocol.Put(2, putter.Ref, 8), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutDone(2));
        Assert.Equal(Boxed(8), ExpectGotMany(getter, 1).Items);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GetMany_WaitingWhenABatchArrives_TakesUpToMaxCountAndLeavesTheRest(string kind)
    {
        var queue = NewQueue(kind);
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, getter.Ref, 2), getter.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);

        PutManyNow(queue, putter, 2, Boxed(3, 1, 2));
        var expected = InTakeOrder(kind, 3, 1, 2);
        Assert.Equal(Boxed(expected[..2]), ExpectGotMany(getter, 1).Items);
        Assert.Equal(Boxed(expected[2..]), Drain(this, queue));
    }

    [Fact]
    public void GetMany_SeveralWaitingWhenABatchArrives_EachTakesItsShareInArrivalOrder()
    {
        var queue = NewQueue();
        var (g1, g2, single, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, g1.Ref, 2), g1.Ref);
        queue.Tell(new QueueProtocol.Get(1, single.Ref), single.Ref);
        queue.Tell(new QueueProtocol.GetMany(1, g2.Ref, 5), g2.Ref);
        AwaitWaiting(this, queue, getters: 3, putters: 0);

        PutManyNow(queue, putter, 2, Boxed(1, 2, 3, 4, 5, 6));
        Assert.Equal(Boxed(1, 2), ExpectGotMany(g1, 1).Items);
        Assert.Equal(3, single.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(Boxed(4, 5, 6), ExpectGotMany(g2, 1).Items);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GetMany_ItemsReturnedInAnyOrder_GoBackToTheirPlaces(string kind)
    {
        var queue = NewQueue(kind);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(4, 2, 5, 1, 3));
        var got = GetManyNow(queue, p, 2, maxCount: 3);

        for (var index = got.Items.Count - 1; index >= 0; index--)
        {
            queue.Tell(new QueueProtocol.Return(10 + index, got.Items[index], got.Sequences[index]), p.Ref);
            p.ExpectMsg(new QueueProtocol.Returned(10 + index));
        }

        AssertState(this, queue, count: 5, unfinished: 5);
        Assert.Equal(Boxed(InTakeOrder(kind, 4, 2, 5, 1, 3)), Drain(this, queue));
    }

    [Fact]
    public void GetMany_ZeroTimeoutOnEmpty_AnswersEmptyAtOnce()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.GetMany(1, p.Ref, 5, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.Empty(1));
        AssertState(this, queue, count: 0, unfinished: 0);
    }

    [Fact]
    public void GetMany_TimedOnEmpty_AnswersEmptyAndNeverTakesALaterItem()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, getter.Ref, 5, TimeSpan.FromMilliseconds(100)), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.Empty(1), TestTimes.Settle);
        PutManyNow(queue, putter, 2, Boxed(1, 2));
        AssertStateSeenBy(queue, getter, count: 2, unfinished: 2); // getter's next message: the put did not answer it
        Assert.Equal([1, 2], Drain(this, queue));
    }

    [Fact]
    public void GetMany_Cancelled_AnswersCancelledAndTheItemsGoToTheNextGetter()
    {
        var queue = NewQueue();
        var (cancelled, next, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, cancelled.Ref, 5), cancelled.Ref);
        queue.Tell(new QueueProtocol.GetMany(1, next.Ref, 5), next.Ref);
        AwaitWaiting(this, queue, getters: 2, putters: 0);
        queue.Tell(new CoordinatorProtocol.Cancel(1, cancelled.Ref), cancelled.Ref);
        cancelled.ExpectMsg(new CoordinatorProtocol.Cancelled(1));

        PutManyNow(queue, putter, 2, Boxed(1, 2));
        Assert.Equal(Boxed(1, 2), ExpectGotMany(next, 1).Items);
        AssertStateSeenBy(queue, cancelled, count: 0, unfinished: 2); // cancelled's next message: it was skipped
    }

    [Fact]
    public void GetMany_OwnerDies_ItsWaitIsDroppedAndTheItemsGoToALiveGetter()
    {
        var queue = NewQueue();
        var (dead, live, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, dead.Ref, 5), dead.Ref);
        queue.Tell(new QueueProtocol.GetMany(1, live.Ref, 5), live.Ref);
        AwaitWaiting(this, queue, getters: 2, putters: 0);

        Sys.Stop(dead.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        PutManyNow(queue, putter, 2, Boxed(1, 2));
        Assert.Equal(Boxed(1, 2), ExpectGotMany(live, 1).Items);
    }

    [Fact]
    public void GetMany_ShutDown_DrainsWhatIsLeftThenAnswersQueueShutDown()
    {
        var queue = NewQueue();
        var (p, waiting) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.GetMany(1, waiting.Ref, 5), waiting.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        queue.Tell(new QueueProtocol.Shutdown(2), p.Ref);
        p.ExpectMsg(new QueueProtocol.ShutdownDone(2, 0));
        waiting.ExpectMsg(new QueueProtocol.QueueShutDown(1));

        var other = NewQueue();
        PutManyNow(other, p, 3, Boxed(1, 2, 3));
        other.Tell(new QueueProtocol.Shutdown(4), p.Ref);
        p.ExpectMsg(new QueueProtocol.ShutdownDone(4, 0));
        Assert.Equal(Boxed(1, 2), GetManyNow(other, p, 5, maxCount: 2).Items);
        Assert.Equal(Boxed(3), GetManyNow(other, p, 6, maxCount: 2).Items);
        other.Tell(new QueueProtocol.GetMany(7, p.Ref, 2), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void GetMany_MaxCountBelowOne_IsRejectedAndNothingIsTaken(int maxCount)
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(1));
        queue.Tell(new QueueProtocol.GetMany(2, p.Ref, maxCount), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.GetMany(3, null!, 1), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);
        AssertState(this, queue, count: 1, unfinished: 1);
    }

    [Fact]
    public void GetMany_Statistics_CountOneAcquisitionPerItem()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(1, 2, 3, 4));
        GetManyNow(queue, p, 2, maxCount: 3);
        queue.Tell(new CoordinatorProtocol.GetStatistics(3), p.Ref);
        var statistics = p.ExpectMsg<CoordinatorProtocol.Statistics>();
        Assert.Equal((3L, 1), (statistics.Acquisitions, statistics.QueueLength));
    }

    [Fact]
    public void BatchMessages_SimpleQueue_PutAndGetButTaskDoneIsNotSupported()
    {
        var queue = Sys.ActorOf(ActorSimpleQueue<int>.Props());
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(1, 2, 3));
        Assert.Equal(Boxed(1, 2), GetManyNow(queue, p, 2, maxCount: 2).Items);
        queue.Tell(new QueueProtocol.TaskDone(3, 2), p.Ref);
        AssertRejected(p, 3, RejectionReason.NotSupported);
        Assert.Equal([3], Drain(this, queue));
    }

    // ---- TaskDone with a count and join -------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TaskDone_Count_MarksThatManyAndTooManyChangesNothing(string kind)
    {
        var queue = NewQueue(kind);
        var p = CreateTestProbe();
        PutManyNow(queue, p, 1, Boxed(1, 2, 3));
        GetManyNow(queue, p, 2, maxCount: 3);

        queue.Tell(new QueueProtocol.TaskDone(3, 2), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(3, 1));
        queue.Tell(new QueueProtocol.TaskDone(4, 2), p.Ref);
        AssertRejected(p, 4, RejectionReason.TooManyTaskDone);
        Assert.Equal(1, StateOf(this, queue).Unfinished);
        queue.Tell(new QueueProtocol.TaskDone(5, 0), p.Ref);
        AssertRejected(p, 5, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.TaskDone(6, -3), p.Ref);
        AssertRejected(p, 6, RejectionReason.InvalidArgument);
        Assert.Equal(1, StateOf(this, queue).Unfinished);

        queue.Tell(new QueueProtocol.TaskDone(7, 1), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(7, 0));
    }

    [Fact]
    public void Join_BatchOfTasksDone_WaitsForTheLastBatch()
    {
        var queue = NewQueue();
        var (worker, joiner) = (CreateTestProbe(), CreateTestProbe());
        PutManyNow(queue, worker, 1, Boxed(1, 2, 3, 4, 5));
        queue.Tell(new QueueProtocol.Join(2, joiner.Ref), joiner.Ref);
        GetManyNow(queue, worker, 3, maxCount: 5);

        queue.Tell(new QueueProtocol.TaskDone(4, 3), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.TaskDoneAck(4, 2));
        AssertStateSeenBy(queue, joiner, count: 0, unfinished: 2); // joiner's next message: not joined yet

        queue.Tell(new QueueProtocol.TaskDone(5, 2), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.TaskDoneAck(5, 0));
        joiner.ExpectMsg(new QueueProtocol.Joined(2));
    }
}
