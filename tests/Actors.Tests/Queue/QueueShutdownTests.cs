using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// Python 3.13's <c>Queue.shutdown(immediate)</c> on the coordinator, driven by Tell from TestProbes: puts refused,
/// gets draining (graceful) or failing at once (immediate), blocked callers woken, the unfinished count and join.
/// </summary>
public sealed class QueueShutdownTests : CoordinatorTestKit
{
    private IActorRef NewQueue(int maxSize = 0) => Sys.ActorOf(ActorQueue<int>.Props(maxSize));

    private static void Shutdown(IActorRef queue, TestProbe probe, long requestId, bool immediate, int expectedDiscarded)
    {
        queue.Tell(new QueueProtocol.Shutdown(requestId, immediate), probe.Ref);
        probe.ExpectMsg(new QueueProtocol.ShutdownDone(requestId, expectedDiscarded));
    }

    private static void TaskDone(IActorRef queue, TestProbe probe, long requestId, int expectedUnfinished)
    {
        queue.Tell(new QueueProtocol.TaskDone(requestId), probe.Ref);
        probe.ExpectMsg(new QueueProtocol.TaskDoneAck(requestId, expectedUnfinished));
    }

    private static void AssertGetRefused(IActorRef queue, TestProbe getter, long requestId, TimeSpan? timeout = null)
    {
        queue.Tell(new QueueProtocol.Get(requestId, getter.Ref, timeout), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.QueueShutDown(requestId));
    }

    // ---- graceful -----------------------------------------------------------------------------------------------

    [Fact]
    public void Put_AfterGracefulShutdown_AnswersQueueShutDownAndItemNeverEnters()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        Shutdown(queue, p, 2, immediate: false, expectedDiscarded: 0);

        queue.Tell(new QueueProtocol.Put(3, p.Ref, 2), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(3));
        queue.Tell(new QueueProtocol.Put(4, p.Ref, 3, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(4));
        var state = StateOf(this, queue);
        Assert.Equal((1, 1, true), (state.Count, state.Unfinished, state.IsShutDown));
    }

    [Fact]
    public void PutNowait_FullQueueShutDown_AnswersQueueShutDownRatherThanFull()
    {
        var queue = NewQueue(maxSize: 1);
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        Shutdown(queue, p, 2, immediate: false, expectedDiscarded: 0);
        queue.Tell(new QueueProtocol.Put(3, p.Ref, 2, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(3));
    }

    [Fact]
    public void Get_AfterGracefulShutdown_DrainsRemainingItemsThenAnswersQueueShutDown()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 3; i++) PutNow(queue, p, i, i);
        Shutdown(queue, p, 4, immediate: false, expectedDiscarded: 0);

        Assert.Equal(1, GetNow(queue, p, 5).Item);
        queue.Tell(new QueueProtocol.Get(6, p.Ref, TimeSpan.Zero), p.Ref);
        Assert.Equal(2, p.ExpectMsg<QueueProtocol.Got>().Item);
        queue.Tell(new QueueProtocol.Get(7, p.Ref, TimeSpan.FromSeconds(1)), p.Ref);
        Assert.Equal(3, p.ExpectMsg<QueueProtocol.Got>().Item);

        AssertGetRefused(queue, p, 8);
        AssertGetRefused(queue, p, 9, TimeSpan.Zero);
        AssertGetRefused(queue, p, 10, TimeSpan.FromMinutes(1));
        var state = StateOf(this, queue);
        Assert.Equal((0, 3, 0), (state.Count, state.Unfinished, state.WaitingGetters));
    }

    [Fact]
    public void Shutdown_BlockedGettersOnEmptyQueue_WakeAtOnceWithQueueShutDown()
    {
        var queue = NewQueue();
        var getters = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        queue.Tell(new QueueProtocol.Get(1, getters[0].Ref), getters[0].Ref);
        queue.Tell(new QueueProtocol.Get(1, getters[1].Ref, TimeSpan.FromMinutes(5)), getters[1].Ref);
        queue.Tell(new QueueProtocol.Get(1, getters[2].Ref, Timeout.InfiniteTimeSpan), getters[2].Ref);
        AwaitWaiting(this, queue, getters: 3, putters: 0);

        var p = CreateTestProbe();
        Shutdown(queue, p, 2, immediate: false, expectedDiscarded: 0);
        foreach (var getter in getters) getter.ExpectMsg(new QueueProtocol.QueueShutDown(1));
        Assert.Equal(0, StateOf(this, queue).WaitingGetters);
    }

    [Fact]
    public void Shutdown_TimedGetterWoken_IsNeverAnsweredEmptyLater()
    {
        var queue = NewQueue();
        var (getter, p) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref, TimeSpan.FromMilliseconds(100)), getter.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        Shutdown(queue, p, 2, immediate: false, expectedDiscarded: 0);
        getter.ExpectMsg(new QueueProtocol.QueueShutDown(1));
        // Kept: only waiting past the get's 100 ms deadline shows that its expired deadline does not answer it again.
        getter.ExpectNoMsg(TestTimes.Silence);
    }

    [Fact]
    public void Shutdown_BlockedPuttersOnFullQueue_WakeAtOnceWithQueueShutDownAndTheirItemsNeverEnter()
    {
        var queue = NewQueue(maxSize: 1);
        var (p, p1, p2) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        PutNow(queue, p, 1, 1);
        queue.Tell(new QueueProtocol.Put(2, p1.Ref, 2), p1.Ref);
        queue.Tell(new QueueProtocol.Put(3, p2.Ref, 3, TimeSpan.FromMinutes(5)), p2.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 2);

        Shutdown(queue, p, 4, immediate: false, expectedDiscarded: 0);
        p1.ExpectMsg(new QueueProtocol.QueueShutDown(2));
        p2.ExpectMsg(new QueueProtocol.QueueShutDown(3));
        var state = StateOf(this, queue);
        Assert.Equal((1, 1, 0), (state.Count, state.Unfinished, state.WaitingPutters));

        Assert.Equal(1, GetNow(queue, p, 5).Item);
        AssertGetRefused(queue, p, 6);
        Assert.Equal(0, StateSeenBy(queue, p1).Count); // p1's next message: its refused put never entered
    }

    [Fact]
    public void Join_AfterGracefulShutdown_ReturnsOnceDrainedItemsAreDone()
    {
        var queue = NewQueue();
        var (p, joiner) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, p, 1, 1);
        PutNow(queue, p, 2, 2);
        Shutdown(queue, p, 3, immediate: false, expectedDiscarded: 0);
        queue.Tell(new QueueProtocol.Join(4, joiner.Ref), joiner.Ref);
        GetNow(queue, p, 5);
        GetNow(queue, p, 6);
        TaskDone(queue, p, 7, expectedUnfinished: 1);
        Assert.Equal(1, StateSeenBy(queue, joiner).Unfinished); // joiner's next message: not joined yet
        TaskDone(queue, p, 8, expectedUnfinished: 0);
        joiner.ExpectMsg(new QueueProtocol.Joined(4));
    }

    // ---- immediate ----------------------------------------------------------------------------------------------

    [Fact]
    public void Shutdown_Immediate_DiscardsItemsAndGetFailsAtOnce()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 3; i++) PutNow(queue, p, i, i);
        Shutdown(queue, p, 4, immediate: true, expectedDiscarded: 3);

        AssertGetRefused(queue, p, 5);
        AssertGetRefused(queue, p, 6, TimeSpan.Zero);
        queue.Tell(new QueueProtocol.Put(7, p.Ref, 9), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(7));
        var state = StateOf(this, queue);
        Assert.Equal((0, 0, true), (state.Count, state.Unfinished, state.IsShutDown));
    }

    [Fact]
    public void Shutdown_ImmediateWithBlockedPutters_DiscardsOnlyQueuedItemsAndWakesThePutters()
    {
        var queue = NewQueue(maxSize: 2);
        var (p, putter) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, p, 1, 1);
        PutNow(queue, p, 2, 2);
        queue.Tell(new QueueProtocol.Put(3, putter.Ref, 3), putter.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);

        Shutdown(queue, p, 4, immediate: true, expectedDiscarded: 2);
        putter.ExpectMsg(new QueueProtocol.QueueShutDown(3));
        var state = StateOf(this, queue);
        Assert.Equal((0, 0, 0), (state.Count, state.Unfinished, state.WaitingPutters));
    }

    [Fact]
    public void Shutdown_ImmediateWithBlockedGetters_WakesThemWithQueueShutDown()
    {
        var queue = NewQueue();
        var (p, getter) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, getter.Ref), getter.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        Shutdown(queue, p, 2, immediate: true, expectedDiscarded: 0);
        getter.ExpectMsg(new QueueProtocol.QueueShutDown(1));
    }

    [Fact]
    public void Join_ImmediateShutdownWithTakenItemsNotDone_ReturnsOnlyOnceTheyAreDone()
    {
        var queue = NewQueue();
        var (worker, joiner) = (CreateTestProbe(), CreateTestProbe());
        for (var i = 1; i <= 5; i++) PutNow(queue, worker, i, i);
        GetNow(queue, worker, 10);
        GetNow(queue, worker, 11);
        queue.Tell(new QueueProtocol.Join(1, joiner.Ref), joiner.Ref);
        Assert.Equal(5, StateSeenBy(queue, joiner).Unfinished); // joiner's next message: not joined yet

        Shutdown(queue, worker, 12, immediate: true, expectedDiscarded: 3);
        Assert.Equal(2, StateSeenBy(queue, joiner).Unfinished);

        TaskDone(queue, worker, 13, expectedUnfinished: 1);
        Assert.Equal(1, StateSeenBy(queue, joiner).Unfinished);
        TaskDone(queue, worker, 14, expectedUnfinished: 0);
        joiner.ExpectMsg(new QueueProtocol.Joined(1));
    }

    [Fact]
    public void Join_ImmediateShutdownWithTakenItemsAllDone_ReturnsAtOnce()
    {
        var queue = NewQueue();
        var (worker, joiner) = (CreateTestProbe(), CreateTestProbe());
        for (var i = 1; i <= 3; i++) PutNow(queue, worker, i, i);
        GetNow(queue, worker, 10);
        TaskDone(queue, worker, 11, expectedUnfinished: 2);
        queue.Tell(new QueueProtocol.Join(1, joiner.Ref), joiner.Ref);
        Assert.Equal(2, StateSeenBy(queue, joiner).Unfinished); // joiner's next message: not joined yet

        Shutdown(queue, worker, 12, immediate: true, expectedDiscarded: 2);
        joiner.ExpectMsg(new QueueProtocol.Joined(1));
        Assert.Equal(0, StateOf(this, queue).Unfinished);
    }

    [Fact]
    public void Return_AfterImmediateShutdown_IsDiscardedAndCountedDone()
    {
        var queue = NewQueue();
        var (worker, joiner) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, worker, 1, 1);
        PutNow(queue, worker, 2, 2);
        var got = GetNow(queue, worker, 3);
        queue.Tell(new QueueProtocol.Join(4, joiner.Ref), joiner.Ref);

        Shutdown(queue, worker, 5, immediate: true, expectedDiscarded: 1);
        Assert.Equal(1, StateSeenBy(queue, joiner).Unfinished); // joiner's next message: not joined while an item is out
        queue.Tell(new QueueProtocol.Return(6, got.Item, got.Sequence), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.Returned(6));
        joiner.ExpectMsg(new QueueProtocol.Joined(4));

        var state = StateOf(this, queue);
        Assert.Equal((0, 0), (state.Count, state.Unfinished));
        AssertGetRefused(queue, worker, 7);
    }

    [Fact]
    public void Return_AfterGracefulShutdown_GoesBackAndIsDrained()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        PutNow(queue, p, 2, 2);
        var got = GetNow(queue, p, 3);
        Shutdown(queue, p, 4, immediate: false, expectedDiscarded: 0);
        queue.Tell(new QueueProtocol.Return(5, got.Item, got.Sequence), p.Ref);
        p.ExpectMsg(new QueueProtocol.Returned(5));

        Assert.Equal(1, GetNow(queue, p, 6).Item);
        Assert.Equal(2, GetNow(queue, p, 7).Item);
        AssertGetRefused(queue, p, 8);
        Assert.Equal(2, StateOf(this, queue).Unfinished);
    }

    [Fact]
    public void Shutdown_GracefulThenImmediate_DiscardsWhatIsLeft()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 3; i++) PutNow(queue, p, i, i);
        Shutdown(queue, p, 4, immediate: false, expectedDiscarded: 0);
        GetNow(queue, p, 5);
        Shutdown(queue, p, 6, immediate: true, expectedDiscarded: 2);
        AssertGetRefused(queue, p, 7);
        Assert.Equal(1, StateOf(this, queue).Unfinished);
    }

    [Fact]
    public void TaskDone_AfterShutdown_StillWorksAndStillRejectsTooMany()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        PutNow(queue, p, 2, 2);
        GetNow(queue, p, 3);
        GetNow(queue, p, 4);
        Shutdown(queue, p, 5, immediate: true, expectedDiscarded: 0);

        TaskDone(queue, p, 6, expectedUnfinished: 1);
        TaskDone(queue, p, 7, expectedUnfinished: 0);
        queue.Tell(new QueueProtocol.TaskDone(8), p.Ref);
        var rejected = p.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((8L, RejectionReason.TooManyTaskDone), (rejected.RequestId, rejected.Reason));
        queue.Tell(new QueueProtocol.Join(9, p.Ref), p.Ref);
        p.ExpectMsg(new QueueProtocol.Joined(9));
    }

    [Fact]
    public void Shutdown_SimpleQueue_RefusesPutsAndDrainsThenRefusesGets()
    {
        var queue = Sys.ActorOf(ActorSimpleQueue<int>.Props());
        var p = CreateTestProbe();
        PutNow(queue, p, 1, 1);
        Shutdown(queue, p, 2, immediate: false, expectedDiscarded: 0);
        queue.Tell(new QueueProtocol.Put(3, p.Ref, 2), p.Ref);
        p.ExpectMsg(new QueueProtocol.QueueShutDown(3));
        Assert.Equal(1, GetNow(queue, p, 4).Item);
        AssertGetRefused(queue, p, 5);
    }
}
