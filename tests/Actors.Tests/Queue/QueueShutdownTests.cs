using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// A graceful shutdown: puts are refused, gets drain what is left, blocked callers are woken.
/// </summary>
public sealed class QueueShutdownTests : QueueShutdownTestKit
{
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
}
