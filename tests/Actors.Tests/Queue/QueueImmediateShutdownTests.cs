using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// An immediate shutdown: the items are discarded, gets fail at once, join waits only for taken items.
/// </summary>
public sealed class QueueImmediateShutdownTests : QueueShutdownTestKit
{
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
