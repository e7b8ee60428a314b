using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <see cref="QueueProtocol.GetMany"/>: gets that wait for the first item and take what is there, give-back by
/// sequence, timeouts, cancellation, owner death, shutdown; and <see cref="QueueProtocol.TaskDone"/> with a count.
/// </summary>
public sealed class QueueBatchGetProtocolTests : QueueBatchProtocolTestKit
{
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
