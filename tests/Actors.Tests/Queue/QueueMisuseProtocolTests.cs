using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// Owner death, bad input and a stopped coordinator: the queue answers and keeps working.
/// </summary>
public sealed class QueueMisuseProtocolTests : QueueProtocolTestKit
{
    public static TheoryData<long> NegativeTimeoutTicks => new()
    {
        -1L,
        TimeSpan.FromMilliseconds(-2).Ticks,
        TimeSpan.MinValue.Ticks,
    };

    [Fact]
    public void OwnerDeath_DropsItsWaitingGetsAndTheItemGoesToALiveGetter()
    {
        var queue = NewQueue();
        var (dead, live, putter) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, dead.Ref), dead.Ref);
        queue.Tell(new QueueProtocol.Get(2, dead.Ref, TimeSpan.FromMinutes(5)), dead.Ref);
        queue.Tell(new QueueProtocol.Get(1, live.Ref), live.Ref);
        AwaitWaiting(this, queue, getters: 3, putters: 0);

        Sys.Stop(dead.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        PutNow(queue, putter, 3, 4);
        Assert.Equal(4, live.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(0, StateOf(this, queue).WaitingGetters);
    }

    [Fact]
    public void OwnerDeath_RepliesOwnerTerminatedToASeparateRequester()
    {
        var queue = NewQueue();
        var (owner, requester) = (CreateTestProbe(), CreateTestProbe());
        queue.Tell(new QueueProtocol.Get(1, owner.Ref), requester.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        Sys.Stop(owner.Ref);
        AssertRejected(requester, 1, RejectionReason.OwnerTerminated);
        Assert.Equal(0, StateOf(this, queue).WaitingGetters);
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
        AwaitWaiting(this, queue, getters: 0, putters: 3);

        Sys.Stop(dead.Ref);
        AwaitWaiting(this, queue, getters: 0, putters: 1);
        Assert.Equal(1, GetNow(queue, getter, 5).Item);
        live.ExpectMsg(new QueueProtocol.PutDone(4));
        Assert.Equal([4], Drain(this, queue));
        var state = StateOf(this, queue);
        Assert.Equal((0, 2), (state.WaitingPutters, state.Unfinished));
    }

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

        var state = StateOf(this, queue);
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
        Assert.Equal(0, StateSeenBy(queue, p).Count); // p's next message: the bad cancel is ignored
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
        Assert.Equal(1, StateOf(this, queue).WaitingGetters);
        PutNow(queue, putter, 5, 1);
        Assert.Equal(new QueueProtocol.Got(4, 1, 1), getter.ExpectMsg<QueueProtocol.Got>());
    }

    [Fact]
    public void Requests_AnonymousOwner_AreServed()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        queue.Tell(new QueueProtocol.Get(RequestIds.Next(), ActorRefs.Nobody), p.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);
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
        AwaitWaiting(this, queue, getters: 1, putters: 0);
        AwaitWaiting(this, other, getters: 0, putters: 1);

        Sys.Stop(queue);
        Sys.Stop(other);
        AssertRejected(getter, 1, RejectionReason.CoordinatorStopped);
        AssertRejected(putter, 2, RejectionReason.CoordinatorStopped);
        AssertRejected(joiner, 3, RejectionReason.CoordinatorStopped);
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

        var state = StateOf(this, queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([7], Drain(this, queue));
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
        var state = StateOf(this, queue);
        Assert.Equal((1, 1), (state.Count, state.Unfinished));
        Assert.Equal([7], Drain(this, queue));
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
        Assert.Equal(0, StateOf(this, bounded).Count);
    }
}
