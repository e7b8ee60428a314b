using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>
/// The queue coordinator (Queue, LifoQueue, PriorityQueue, SimpleQueue) driven by Tell from TestProbes, the way an
/// actor uses it: order, waiting gets, backpressure on puts, timeouts, cancellation, returns, task tracking, owner
/// death and bad input. Shutdown has its own class (<see cref="QueueShutdownTests"/>).
/// </summary>
public sealed class QueueProtocolTests : CoordinatorTestKit
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    /// <summary>An item with a priority and a name; the priority queues below compare the priority only.</summary>
    private sealed record Job(int Priority, string Name);

    private static readonly IComparer<Job> ByPriority = Comparer<Job>.Create((a, b) => a.Priority.CompareTo(b.Priority));

    private IActorRef NewQueue(int maxSize = 0) => Sys.ActorOf(ActorQueue<int>.Props(maxSize));

    private IActorRef NewJobQueue() => Sys.ActorOf(ActorQueue<Job>.PriorityProps(ByPriority));

    private QueueProtocol.QueueState StateOf(IActorRef queue)
    {
        var asker = CreateTestProbe();
        queue.Tell(new QueueProtocol.GetState(999), asker.Ref);
        return asker.ExpectMsg<QueueProtocol.QueueState>();
    }

    private void AwaitWaiting(IActorRef queue, int getters, int putters) =>
        AwaitAssert(() =>
        {
            var state = StateOf(queue);
            Assert.Equal((getters, putters), (state.WaitingGetters, state.WaitingPutters));
        }, Settle, TimeSpan.FromMilliseconds(20));

    private static void PutNow(IActorRef queue, TestProbe putter, long requestId, object? item)
    {
        queue.Tell(new QueueProtocol.Put(requestId, putter.Ref, item), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutDone(requestId));
    }

    private static QueueProtocol.Got GetNow(IActorRef queue, TestProbe getter, long requestId)
    {
        queue.Tell(new QueueProtocol.Get(requestId, getter.Ref), getter.Ref);
        var got = getter.ExpectMsg<QueueProtocol.Got>();
        Assert.Equal(requestId, got.RequestId);
        return got;
    }

    private List<object?> Drain(IActorRef queue) => QueueProbes.Drain(this, queue);

    private static void AssertRejected(TestProbe probe, long requestId, RejectionReason reason, TimeSpan? within = null)
    {
        var rejected = probe.ExpectMsg<CoordinatorProtocol.Rejected>(within);
        Assert.Equal((requestId, reason), (rejected.RequestId, rejected.Reason));
    }

    // ---- order --------------------------------------------------------------------------------------------------

    [Fact]
    public void Get_FifoQueue_ReturnsItemsInPutOrder()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 5; i++) PutNow(queue, p, i, i * 10);
        Assert.Equal([10, 20, 30, 40, 50], Drain(queue));
    }

    [Fact]
    public void Get_LifoQueue_ReturnsLastPutFirst()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.LifoProps());
        var p = CreateTestProbe();
        for (var i = 1; i <= 5; i++) PutNow(queue, p, i, i * 10);
        Assert.Equal([50, 40, 30, 20, 10], Drain(queue));
    }

    [Fact]
    public void Get_PriorityQueue_ReturnsSmallestFirst()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.PriorityProps());
        var p = CreateTestProbe();
        var id = 0L;
        foreach (var item in new[] { 5, 1, 4, 2, 3, 1 }) PutNow(queue, p, ++id, item);
        Assert.Equal([1, 1, 2, 3, 4, 5], Drain(queue));
    }

    [Fact]
    public void Get_PriorityQueueWithComparer_OrdersByTheComparer()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.PriorityProps(Comparer<int>.Create((a, b) => b.CompareTo(a))));
        var p = CreateTestProbe();
        var id = 0L;
        foreach (var item in new[] { 2, 9, 4 }) PutNow(queue, p, ++id, item);
        Assert.Equal([9, 4, 2], Drain(queue));
    }

    [Fact]
    public void Get_PriorityQueueEqualPriorities_LeaveInPutOrder()
    {
        var queue = NewJobQueue();
        var p = CreateTestProbe();
        var jobs = new[] { new Job(2, "a"), new Job(1, "b"), new Job(2, "c"), new Job(1, "d"), new Job(2, "e"), new Job(1, "f") };
        for (var i = 0; i < jobs.Length; i++) PutNow(queue, p, i + 1, jobs[i]);
        Assert.Equal(["b", "d", "f", "a", "c", "e"], Drain(queue).Cast<Job>().Select(j => j.Name));
    }

    [Fact]
    public void Get_SimpleQueue_ReturnsItemsInPutOrder()
    {
        var queue = Sys.ActorOf(ActorSimpleQueue<int>.Props());
        var p = CreateTestProbe();
        for (var i = 1; i <= 4; i++) PutNow(queue, p, i, i);
        Assert.Equal([1, 2, 3, 4], Drain(queue));
        var state = StateOf(queue);
        Assert.Equal((0, 0, false), (state.Count, state.Unfinished, state.IsFull));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("lifo")]
    [InlineData("priority")]
    [InlineData("simple")]
    public void Props_UsedForTwoCoordinators_GivesEachItsOwnItems(string kind)
    {
        var props = kind switch
        {
            "fifo" => ActorQueue<int>.Props(),
            "lifo" => ActorQueue<int>.LifoProps(),
            "priority" => ActorQueue<int>.PriorityProps(),
            _ => ActorSimpleQueue<int>.Props(),
        };
        var first = Sys.ActorOf(props);
        var second = Sys.ActorOf(props);
        var p = CreateTestProbe();
        PutNow(first, p, 1, 7);

        Assert.Equal(0, StateOf(second).Count);
        second.Tell(new QueueProtocol.Get(2, p.Ref, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.Empty(2));
        Assert.Equal([7], Drain(first));
    }

    // ---- waiting gets -------------------------------------------------------------------------------------------

    [Fact]
    public void Get_Empty_WaitsAndReceivesGotWhenAnItemIsPut()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        getter.ExpectNoMsg(Silence);
        Assert.Equal(1, StateOf(queue).WaitingGetters);

        PutNow(queue, putter, 2, 42);
        var got = getter.ExpectMsg<QueueProtocol.Got>();
        Assert.Equal((1L, (object?)42), (got.RequestId, got.Item));
        var state = StateOf(queue);
        Assert.Equal((0, 0, 1), (state.Count, state.WaitingGetters, state.Unfinished));
    }

    [Fact]
    public void Get_SeveralWaiting_AreServedInArrivalOrder()
    {
        var queue = NewQueue();
        var getters = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < getters.Count; i++) queue.Tell(new QueueProtocol.Get(i, getters[i].Ref), getters[i].Ref);
        AwaitWaiting(queue, getters: 5, putters: 0);

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
        getter.ExpectNoMsg(Silence);
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
        Assert.Equal(0, StateOf(queue).WaitingGetters);

        PutNow(queue, putter, 5, 1);
        Assert.Equal(1, StateOf(queue).Count);
        getter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Get_TimedOnEmpty_CoordinatorAnswersEmptyAndNeverGrantsLater()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(6, getter.Ref, TimeSpan.FromMilliseconds(100)), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.Empty(6), Settle);
        Assert.Equal(0, StateOf(queue).WaitingGetters);

        PutNow(queue, putter, 7, 11);
        getter.ExpectNoMsg(Silence);
        Assert.Equal([11], Drain(queue));
    }

    [Fact]
    public void Get_TimedAndItemPutInTime_ReceivesTheItem()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref, TimeSpan.FromMinutes(5)), getter.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);
        PutNow(queue, putter, 2, 8);
        Assert.Equal(8, getter.ExpectMsg<QueueProtocol.Got>().Item);
    }

    // ---- bounded queues: backpressure ---------------------------------------------------------------------------

    [Fact]
    public void Put_FullBoundedQueue_IsAcknowledgedOnlyWhenAGetMakesRoom()
    {
        var queue = NewQueue(maxSize: 2);
        var (putter, getter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, putter, 1, 1);
        PutNow(queue, putter, 2, 2);
        Assert.True(StateOf(queue).IsFull);

        queue.Tell(new QueueProtocol.Put(3, putter.Ref, 3), putter.Ref);
        putter.ExpectNoMsg(Silence);
        var state = StateOf(queue);
        Assert.Equal((2, 1, 2), (state.Count, state.WaitingPutters, state.Unfinished));

        Assert.Equal(1, GetNow(queue, getter, 10).Item);
        putter.ExpectMsg(new QueueProtocol.PutDone(3));
        state = StateOf(queue);
        Assert.Equal((2, 0, 3, true), (state.Count, state.WaitingPutters, state.Unfinished, state.IsFull));
        Assert.Equal([2, 3], Drain(queue));
    }

    [Fact]
    public void Put_SeveralWaitingOnFullQueue_AreAdmittedInArrivalOrder()
    {
        var queue = NewQueue(maxSize: 1);
        var first = CreateTestProbe();
        PutNow(queue, first, 1, 0);
        var putters = Enumerable.Range(1, 4).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < putters.Count; i++) queue.Tell(new QueueProtocol.Put(10 + i, putters[i].Ref, i + 1), putters[i].Ref);
        AwaitWaiting(queue, getters: 0, putters: 4);

        var getter = CreateTestProbe();
        for (var i = 0; i < putters.Count; i++)
        {
            Assert.Equal(i, GetNow(queue, getter, 100 + i).Item);
            putters[i].ExpectMsg(new QueueProtocol.PutDone(10 + i));
            var state = StateOf(queue);
            Assert.Equal((1, putters.Count - i - 1), (state.Count, state.WaitingPutters));
        }

        Assert.Equal([4], Drain(queue));
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
            var state = StateOf(queue);
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
        var state = StateOf(queue);
        Assert.Equal((1, 0, 1), (state.Count, state.WaitingPutters, state.Unfinished));
        Assert.Equal([1], Drain(queue));
    }

    [Fact]
    public void Put_TimedOnFull_CoordinatorAnswersFullAndItemNeverEnters()
    {
        var queue = NewQueue(maxSize: 1);
        var (putter, getter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, putter, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, putter.Ref, 2, TimeSpan.FromMilliseconds(100)), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.Full(2), Settle);

        Assert.Equal(1, GetNow(queue, getter, 3).Item);
        putter.ExpectNoMsg(Silence);
        var state = StateOf(queue);
        Assert.Equal((0, 0, 1), (state.Count, state.WaitingPutters, state.Unfinished));
    }

    // ---- cancellation -------------------------------------------------------------------------------------------

    [Fact]
    public void Cancel_WaitingGet_AnswersCancelledAndTheItemGoesToTheNextGetter()
    {
        var queue = NewQueue();
        var (g1, g2, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, g1.Ref), g1.Ref);
        queue.Tell(new QueueProtocol.Get(1, g2.Ref), g2.Ref);
        queue.Tell(new CoordinatorProtocol.Cancel(1, g1.Ref), g1.Ref);
        g1.ExpectMsg(new CoordinatorProtocol.Cancelled(1));
        Assert.Equal(1, StateOf(queue).WaitingGetters);

        PutNow(queue, putter, 2, 5);
        Assert.Equal(5, g2.ExpectMsg<QueueProtocol.Got>().Item);
        g1.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Cancel_WaitingPut_AnswersCancelledAndItsItemNeverEntersTheQueue()
    {
        var queue = NewQueue(maxSize: 1);
        var (p1, p2, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutNow(queue, p1, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, p2.Ref, 2), p2.Ref);
        AwaitWaiting(queue, getters: 0, putters: 1);
        queue.Tell(new CoordinatorProtocol.Cancel(2, p2.Ref), p2.Ref);
        p2.ExpectMsg(new CoordinatorProtocol.Cancelled(2));

        Assert.Equal(1, GetNow(queue, getter, 3).Item);
        p2.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        var state = StateOf(queue);
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
        getter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal([2], Drain(queue));
    }

    [Fact]
    public void Cancel_OtherOwnersRequestId_DoesNotWithdrawTheWait()
    {
        var queue = NewQueue();
        var (getter, stranger, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        queue.Tell(new CoordinatorProtocol.Cancel(1, stranger.Ref), stranger.Ref);
        stranger.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        PutNow(queue, putter, 2, 9);
        Assert.Equal(9, getter.ExpectMsg<QueueProtocol.Got>().Item);
    }

    // ---- return -------------------------------------------------------------------------------------------------

    [Fact]
    public void Return_FifoQueue_PutsTheItemBackAtTheHead()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 3; i++) PutNow(queue, p, i, i);
        var got = GetNow(queue, p, 10);
        Assert.Equal(1, got.Item);

        queue.Tell(new QueueProtocol.Return(11, got.Item, got.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(11));
        var state = StateOf(queue);
        Assert.Equal((3, 3), (state.Count, state.Unfinished));
        Assert.Equal([1, 2, 3], Drain(queue));
    }

    [Fact]
    public void Return_SequenceNeverHandedOut_IsRejectedAndChangesNothing()
    {
        var queue = NewQueue(maxSize: 1);
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 7);

        // Sequence 1 is in the queue (never handed out); 2 and 0 were never given to any item.
        foreach (var (requestId, sequence) in new[] { (11L, 1L), (12L, 2L), (13L, 0L) })
        {
            queue.Tell(new QueueProtocol.Return(requestId, 99, sequence), p.Ref);
            AssertRejected(p, requestId, RejectionReason.InvalidArgument);
        }

        var state = StateOf(queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([7], Drain(queue));
    }

    [Fact]
    public void Return_ItemAlreadyBack_IsRejectedAndChangesNothing()
    {
        var queue = NewQueue(maxSize: 1);
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 7);
        var got = GetNow(queue, p, 2);
        queue.Tell(new QueueProtocol.Return(3, got.Item, got.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(3));

        queue.Tell(new QueueProtocol.Return(4, got.Item, got.Sequence), p.Ref);

        AssertRejected(p, 4, RejectionReason.InvalidArgument);
        var state = StateOf(queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([7], Drain(queue));
    }

    [Fact]
    public void Put_UnboundedQueueWithTimeoutOutOfRange_IgnoresItAsPythonDoes_BoundedRejects()
    {
        var p = CreateTestProbe();
        var unbounded = NewQueue();
        unbounded.Tell(new QueueProtocol.Put(1, p.Ref, 5, TimeSpan.FromSeconds(-5)), p.Ref);
        p.ExpectMsg(new QueueProtocol.PutDone(1));

        var bounded = NewQueue(maxSize: 2);
        bounded.Tell(new QueueProtocol.Put(2, p.Ref, 5, TimeSpan.FromSeconds(-5)), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        Assert.Equal(0, StateOf(bounded).Count);
    }

    [Fact]
    public void Return_LifoQueue_PutsTheItemBackOnTop()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.LifoProps());
        var p = CreateTestProbe();
        for (var i = 1; i <= 3; i++) PutNow(queue, p, i, i);
        var got = GetNow(queue, p, 10);
        Assert.Equal(3, got.Item);

        queue.Tell(new QueueProtocol.Return(11, got.Item, got.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(11));
        Assert.Equal([3, 2, 1], Drain(queue));
    }

    [Fact]
    public void Return_PriorityQueue_PutsItemsBackAtTheirOldPlaceAmongEqualPriorities()
    {
        var queue = NewJobQueue();
        var p = CreateTestProbe();
        var jobs = new[] { new Job(1, "a"), new Job(1, "b"), new Job(2, "c"), new Job(1, "d") };
        for (var i = 0; i < jobs.Length; i++) PutNow(queue, p, i + 1, jobs[i]);
        var a = GetNow(queue, p, 10);
        var b = GetNow(queue, p, 11);
        Assert.Equal(("a", "b"), (((Job)a.Item!).Name, ((Job)b.Item!).Name));

        // Returned in the opposite order, they still take their old places: a before b before d.
        queue.Tell(new QueueProtocol.Return(12, b.Item, b.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(12));
        queue.Tell(new QueueProtocol.Return(13, a.Item, a.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(13));
        Assert.Equal(["a", "b", "d", "c"], Drain(queue).Cast<Job>().Select(j => j.Name));
    }

    /// <summary>
    /// Two cancelled getters give their items back in the order they took them (the facade's give-backs race freely).
    /// Each item must get its old place back (DESIGN guarantee 2), so the put order survives.
    /// </summary>
    [Fact]
    public void Return_FifoTwoItemsGivenBackInTakeOrder_KeepTheirPutOrder()
    {
        var queue = NewQueue();
        var (g1, g2) = (CreateTestProbe(), CreateTestProbe());
        for (var i = 1; i <= 3; i++) PutNow(queue, g1, i, i);
        var first = GetNow(queue, g1, 10);
        var second = GetNow(queue, g2, 10);
        Assert.Equal((1, 2), ((int)first.Item!, (int)second.Item!));

        queue.Tell(new QueueProtocol.Return(11, first.Item, first.Sequence), g1.Ref);
        g1.ExpectMsg(new QueueProtocol.Returned(11));
        queue.Tell(new QueueProtocol.Return(11, second.Item, second.Sequence), g2.Ref);
        g2.ExpectMsg(new QueueProtocol.Returned(11));
        Assert.Equal([1, 2, 3], Drain(queue));
    }

    /// <summary>The LIFO counterpart: the two top items taken and given back in take order leave the stack as it was.</summary>
    [Fact]
    public void Return_LifoTwoItemsGivenBackInTakeOrder_KeepTheirStackOrder()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.LifoProps());
        var (g1, g2) = (CreateTestProbe(), CreateTestProbe());
        for (var i = 1; i <= 3; i++) PutNow(queue, g1, i, i);
        var first = GetNow(queue, g1, 10);
        var second = GetNow(queue, g2, 10);
        Assert.Equal((3, 2), ((int)first.Item!, (int)second.Item!));

        queue.Tell(new QueueProtocol.Return(11, first.Item, first.Sequence), g1.Ref);
        g1.ExpectMsg(new QueueProtocol.Returned(11));
        queue.Tell(new QueueProtocol.Return(11, second.Item, second.Sequence), g2.Ref);
        g2.ExpectMsg(new QueueProtocol.Returned(11));
        Assert.Equal([3, 2, 1], Drain(queue));
    }

    [Fact]
    public void Return_WithWaitingGetter_HandsTheItemToIt()
    {
        var queue = NewQueue();
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, first, 1, 77);
        var got = GetNow(queue, first, 2);
        queue.Tell(new QueueProtocol.Get(3, second.Ref), second.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);

        queue.Tell(new QueueProtocol.Return(4, got.Item, got.Sequence), first.Ref);
        first.ExpectMsg(new QueueProtocol.Returned(4));
        Assert.Equal(77, second.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(0, StateOf(queue).Count);
    }

    // ---- task_done and join -------------------------------------------------------------------------------------

    [Fact]
    public void Join_NothingUnfinished_AnswersJoinedAtOnce()
    {
        var queue = NewQueue();
        var joiner = CreateTestProbe();
        queue.Tell(new QueueProtocol.Join(1, joiner.Ref), joiner.Ref);
        joiner.ExpectMsg(new QueueProtocol.Joined(1));
    }

    [Fact]
    public void Join_UnfinishedItems_WaitsUntilEveryItemIsMarkedDone()
    {
        var queue = NewQueue();
        var (worker, j1, j2) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutNow(queue, worker, 1, 1);
        PutNow(queue, worker, 2, 2);
        queue.Tell(new QueueProtocol.Join(1, j1.Ref), j1.Ref);
        queue.Tell(new QueueProtocol.Join(1, j2.Ref), j2.Ref);
        GetNow(queue, worker, 3);
        GetNow(queue, worker, 4);
        j1.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        queue.Tell(new QueueProtocol.TaskDone(5), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.TaskDoneAck(5, 1));
        j1.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        j2.ExpectNoMsg(TimeSpan.Zero);

        queue.Tell(new QueueProtocol.TaskDone(6), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.TaskDoneAck(6, 0));
        j1.ExpectMsg(new QueueProtocol.Joined(1));
        j2.ExpectMsg(new QueueProtocol.Joined(1));
    }

    [Fact]
    public void TaskDone_ItemNotYetTaken_CountsDownLikePython()
    {
        // Python counts put items, not taken ones: task_done() before get() is allowed while the count is positive.
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.TaskDone(2), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(2, 0));
        queue.Tell(new QueueProtocol.Join(3, p.Ref), p.Ref);
        p.ExpectMsg(new QueueProtocol.Joined(3));
        Assert.Equal(1, StateOf(queue).Count);
    }

    [Fact]
    public void Join_TimedWithUnfinishedItems_AnswersJoinTimedOut()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.Join(2, p.Ref, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.JoinTimedOut(2));
        queue.Tell(new QueueProtocol.Join(3, p.Ref, TimeSpan.FromMilliseconds(100)), p.Ref);
        p.ExpectMsg(new QueueProtocol.JoinTimedOut(3), Settle);

        queue.Tell(new QueueProtocol.TaskDone(4), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(4, 0));
        p.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void TaskDone_MoreTimesThanItems_IsRejectedTooManyTaskDoneAndStateUnchanged()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.TaskDone(1), p.Ref);
        AssertRejected(p, 1, RejectionReason.TooManyTaskDone);

        PutNow(queue, p, 2, 1);
        GetNow(queue, p, 3);
        queue.Tell(new QueueProtocol.TaskDone(4), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(4, 0));
        queue.Tell(new QueueProtocol.TaskDone(5), p.Ref);
        AssertRejected(p, 5, RejectionReason.TooManyTaskDone);
        Assert.Equal(0, StateOf(queue).Unfinished);

        PutNow(queue, p, 6, 2);
        Assert.Equal(1, StateOf(queue).Unfinished);
        queue.Tell(new QueueProtocol.TaskDone(7), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(7, 0));
    }

    [Fact]
    public void TaskDoneAndJoin_SimpleQueue_AreRejectedNotSupported()
    {
        var queue = Sys.ActorOf(ActorSimpleQueue<int>.Props());
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.TaskDone(2), p.Ref);
        AssertRejected(p, 2, RejectionReason.NotSupported);
        queue.Tell(new QueueProtocol.Join(3, p.Ref), p.Ref);
        AssertRejected(p, 3, RejectionReason.NotSupported);
        Assert.Equal(1, GetNow(queue, p, 4).Item);
    }

    // ---- item types ---------------------------------------------------------------------------------------------

    [Fact]
    public void Put_PriorityQueueOfIntGivenStringOrNull_IsRejectedInvalidArgumentAndKeepsWorking()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.PriorityProps());
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 3);
        queue.Tell(new QueueProtocol.Put(2, p.Ref, "three"), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Put(3, p.Ref, null), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Return(4, "x", 99), p.Ref);
        AssertRejected(p, 4, RejectionReason.InvalidArgument);

        var state = StateOf(queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        PutNow(queue, p, 5, 1);
        Assert.Equal([1, 3], Drain(queue));
    }

    [Fact]
    public void Put_PriorityQueueItemsThatCannotBeCompared_IsRejectedAndKeepsTheQueue()
    {
        // Python's PriorityQueue raises TypeError from put(1); put("x"). Here the coordinator must answer, not crash.
        var queue = Sys.ActorOf(ActorQueue<object>.PriorityProps());
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, p.Ref, "x"), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument, TimeSpan.FromSeconds(1));

        var state = StateOf(queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([1], Drain(queue));
    }

    // ---- owner death --------------------------------------------------------------------------------------------

    [Fact]
    public void OwnerDeath_DropsItsWaitingGetsAndTheItemGoesToALiveGetter()
    {
        var queue = NewQueue();
        var (dead, live, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, dead.Ref), dead.Ref);
        queue.Tell(new QueueProtocol.Get(2, dead.Ref, TimeSpan.FromMinutes(5)), dead.Ref);
        queue.Tell(new QueueProtocol.Get(1, live.Ref), live.Ref);
        AwaitWaiting(queue, getters: 3, putters: 0);

        Sys.Stop(dead.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);
        PutNow(queue, putter, 3, 4);
        Assert.Equal(4, live.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(0, StateOf(queue).WaitingGetters);
    }

    [Fact]
    public void OwnerDeath_RepliesOwnerTerminatedToASeparateRequester()
    {
        var queue = NewQueue();
        var (owner, requester) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, owner.Ref), requester.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);
        Sys.Stop(owner.Ref);
        AssertRejected(requester, 1, RejectionReason.OwnerTerminated);
        Assert.Equal(0, StateOf(queue).WaitingGetters);
    }

    [Fact]
    public void OwnerDeath_DropsItsWaitingPutsAndTheirItemsNeverEnter()
    {
        var queue = NewQueue(maxSize: 1);
        var (dead, live, getter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutNow(queue, live, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, dead.Ref, 2), dead.Ref);
        queue.Tell(new QueueProtocol.Put(3, dead.Ref, 3), dead.Ref);
        queue.Tell(new QueueProtocol.Put(4, live.Ref, 4), live.Ref);
        AwaitWaiting(queue, getters: 0, putters: 3);

        Sys.Stop(dead.Ref);
        AwaitWaiting(queue, getters: 0, putters: 1);
        Assert.Equal(1, GetNow(queue, getter, 5).Item);
        live.ExpectMsg(new QueueProtocol.PutDone(4));
        Assert.Equal([4], Drain(queue));
        var state = StateOf(queue);
        Assert.Equal((0, 2), (state.WaitingPutters, state.Unfinished));
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(NegativeTimeoutTicks))]
    public void Requests_NegativeTimeout_AreRejectedAndCoordinatorKeepsWorking(long ticks)
    {
        var queue = NewQueue(maxSize: 1);
        var p = CreateTestProbe();
        var timeout = TimeSpan.FromTicks(ticks);
        queue.Tell(new QueueProtocol.Get(1, p.Ref, timeout), p.Ref);
        AssertRejected(p, 1, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Put(2, p.Ref, 5, timeout), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Join(3, p.Ref, timeout), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);

        var state = StateOf(queue);
        Assert.Equal((0, 0, 0, 0), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
        PutNow(queue, p, 4, 6);
        Assert.Equal(6, GetNow(queue, p, 5).Item);
    }

    [Fact]
    public void Requests_NullOwner_AreRejectedAndCoordinatorKeepsWorking()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.Get(1, null!), p.Ref);
        AssertRejected(p, 1, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Put(2, null!, 5), p.Ref);
        AssertRejected(p, 2, RejectionReason.InvalidArgument);
        queue.Tell(new QueueProtocol.Join(3, null!), p.Ref);
        AssertRejected(p, 3, RejectionReason.InvalidArgument);
        queue.Tell(new CoordinatorProtocol.Cancel(4, null!), p.Ref);
        p.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Assert.Equal(0, StateOf(queue).Count);
        PutNow(queue, p, 5, 6);
        Assert.Equal(6, GetNow(queue, p, 6).Item);
    }

    [Fact]
    public void Get_DuplicateWaitingRequestId_IsRejectedAndTheFirstStillWaits()
    {
        var queue = NewQueue();
        var (getter, putter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(4, getter.Ref), getter.Ref);
        queue.Tell(new QueueProtocol.Get(4, getter.Ref), getter.Ref);
        AssertRejected(getter, 4, RejectionReason.DuplicateRequest);
        Assert.Equal(1, StateOf(queue).WaitingGetters);
        PutNow(queue, putter, 5, 1);
        Assert.Equal(new QueueProtocol.Got(4, 1, 1), getter.ExpectMsg<QueueProtocol.Got>());
    }

    [Fact]
    public void Requests_AnonymousOwner_AreServed()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.Get(RequestIds.Next(), ActorRefs.Nobody), p.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);
        var putId = RequestIds.Next();
        queue.Tell(new QueueProtocol.Put(putId, ActorRefs.Nobody, 8), p.Ref);
        var replies = new[] { p.ExpectMsg<object>(), p.ExpectMsg<object>() };
        Assert.Contains(new QueueProtocol.PutDone(putId), replies);
        Assert.Single(replies.OfType<QueueProtocol.Got>(), g => Equals(g.Item, 8));
    }

    [Fact]
    public void Stop_AnswersWaitersCoordinatorStopped()
    {
        var queue = NewQueue(maxSize: 1);
        var (getter, putter, joiner) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var other = NewQueue(maxSize: 1);
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        other.Tell(new QueueProtocol.Put(1, putter.Ref, 1), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutDone(1));
        other.Tell(new QueueProtocol.Put(2, putter.Ref, 2), putter.Ref);
        other.Tell(new QueueProtocol.Join(3, joiner.Ref), joiner.Ref);
        AwaitWaiting(queue, getters: 1, putters: 0);
        AwaitWaiting(other, getters: 0, putters: 1);

        Sys.Stop(queue);
        Sys.Stop(other);
        AssertRejected(getter, 1, RejectionReason.CoordinatorStopped);
        AssertRejected(putter, 2, RejectionReason.CoordinatorStopped);
        AssertRejected(joiner, 3, RejectionReason.CoordinatorStopped);
    }
}
