using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// The order in which each kind of queue hands out its items, and where a returned item goes back.
/// </summary>
public sealed class QueueOrderProtocolTests : QueueProtocolTestKit
{
    private IActorRef NewJobQueue() => Sys.ActorOf(ActorQueue<Job>.PriorityProps(ByPriority));

    [Fact]
    public void Get_FifoQueue_ReturnsItemsInPutOrder()
    {
        var queue = NewQueue();
        var p = CreateTestProbe();
        for (var i = 1; i <= 5; i++) PutNow(queue, p, i, i * 10);
        Assert.Equal([10, 20, 30, 40, 50], Drain(this, queue));
    }

    [Fact]
    public void Get_LifoQueue_ReturnsLastPutFirst()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.LifoProps());
        var p = CreateTestProbe();
        for (var i = 1; i <= 5; i++) PutNow(queue, p, i, i * 10);
        Assert.Equal([50, 40, 30, 20, 10], Drain(this, queue));
    }

    [Fact]
    public void Get_PriorityQueue_ReturnsSmallestFirst()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.PriorityProps());
        var p = CreateTestProbe();
        var id = 0L;
        foreach (var item in new[] { 5, 1, 4, 2, 3, 1 }) PutNow(queue, p, ++id, item);
        Assert.Equal([1, 1, 2, 3, 4, 5], Drain(this, queue));
    }

    [Fact]
    public void Get_PriorityQueueWithComparer_OrdersByTheComparer()
    {
        var queue = Sys.ActorOf(ActorQueue<int>.PriorityProps(Comparer<int>.Create((a, b) => b.CompareTo(a))));
        var p = CreateTestProbe();
        var id = 0L;
        foreach (var item in new[] { 2, 9, 4 }) PutNow(queue, p, ++id, item);
        Assert.Equal([9, 4, 2], Drain(this, queue));
    }

    [Fact]
    public void Get_PriorityQueueEqualPriorities_LeaveInPutOrder()
    {
        var queue = NewJobQueue();
        var p = CreateTestProbe();
        var jobs = new[] { new Job(2, "a"), new Job(1, "b"), new Job(2, "c"), new Job(1, "d"), new Job(2, "e"), new Job(1, "f") };
        for (var i = 0; i < jobs.Length; i++) PutNow(queue, p, i + 1, jobs[i]);
        Assert.Equal(["b", "d", "f", "a", "c", "e"], Drain(this, queue).Cast<Job>().Select(j => j.Name));
    }

    [Fact]
    public void Get_SimpleQueue_ReturnsItemsInPutOrder()
    {
        var queue = Sys.ActorOf(ActorSimpleQueue<int>.Props());
        var p = CreateTestProbe();
        for (var i = 1; i <= 4; i++) PutNow(queue, p, i, i);
        Assert.Equal([1, 2, 3, 4], Drain(this, queue));
        var state = StateOf(this, queue);
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

        Assert.Equal(0, StateOf(this, second).Count);
        second.Tell(new QueueProtocol.Get(2, p.Ref, TimeSpan.Zero), p.Ref);
        p.ExpectMsg(new QueueProtocol.Empty(2));
        Assert.Equal([7], Drain(this, first));
    }

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
        var state = StateOf(this, queue);
        Assert.Equal((3, 3), (state.Count, state.Unfinished));
        Assert.Equal([1, 2, 3], Drain(this, queue));
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
        Assert.Equal([3, 2, 1], Drain(this, queue));
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
        Assert.Equal(["a", "b", "d", "c"], Drain(this, queue).Cast<Job>().Select(j => j.Name));
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
        Assert.Equal([1, 2, 3], Drain(this, queue));
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
        Assert.Equal([3, 2, 1], Drain(this, queue));
    }

    [Fact]
    public void Return_WithWaitingGetter_HandsTheItemToIt()
    {
        var queue = NewQueue();
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        PutNow(queue, first, 1, 77);
        var got = GetNow(queue, first, 2);
        queue.Tell(new QueueProtocol.Get(3, second.Ref), second.Ref);
        AwaitWaiting(this, queue, getters: 1, putters: 0);

        queue.Tell(new QueueProtocol.Return(4, got.Item, got.Sequence), first.Ref);
        first.ExpectMsg(new QueueProtocol.Returned(4));
        Assert.Equal(77, second.ExpectMsg<QueueProtocol.Got>().Item);
        Assert.Equal(0, StateOf(this, queue).Count);
    }
}
