using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// <c>task_done</c> and <c>join</c>, and what item types a queue accepts.
/// </summary>
public sealed class QueueTaskTrackingProtocolTests : QueueProtocolTestKit
{
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
        Assert.Equal(2, StateSeenBy(queue, j1).Unfinished); // j1's next message: not joined yet

        queue.Tell(new QueueProtocol.TaskDone(5), worker.Ref);
        worker.ExpectMsg(new QueueProtocol.TaskDoneAck(5, 1));
        Assert.Equal(1, StateSeenBy(queue, j1).Unfinished);
        Assert.Equal(1, StateSeenBy(queue, j2).Unfinished);

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
        Assert.Equal(1, StateOf(this, queue).Count);
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
        p.ExpectMsg(new QueueProtocol.JoinTimedOut(3), TestTimes.Settle);

        queue.Tell(new QueueProtocol.TaskDone(4), p.Ref);
        p.ExpectMsg(new QueueProtocol.TaskDoneAck(4, 0));
        Assert.Equal(0, StateSeenBy(queue, p).Unfinished); // p's next message: the timed-out joins are not answered again
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
        Assert.Equal(0, StateOf(this, queue).Unfinished);

        PutNow(queue, p, 6, 2);
        Assert.Equal(1, StateOf(this, queue).Unfinished);
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

        var state = StateOf(this, queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        PutNow(queue, p, 5, 1);
        Assert.Equal([1, 3], Drain(this, queue));
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

        var state = StateOf(this, queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([1], Drain(this, queue));
    }
}
