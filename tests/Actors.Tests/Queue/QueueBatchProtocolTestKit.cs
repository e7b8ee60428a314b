using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// What the tests of the queue coordinator's batch messages (<see cref="QueueProtocol.PutMany"/>,
/// <see cref="QueueProtocol.GetMany"/>, <see cref="QueueProtocol.TaskDone"/> with a count) share, for FIFO, LIFO and
/// priority queues. The tests drive the coordinator by Tell from TestProbes.
/// </summary>
public abstract class QueueBatchProtocolTestKit : CoordinatorTestKit
{
    public static TheoryData<string> Kinds => new() { "fifo", "lifo", "priority" };

    protected IActorRef NewQueue(string kind = "fifo", int maxSize = 0) => Sys.ActorOf(kind switch
    {
        "fifo" => ActorQueue<int>.Props(maxSize),
        "lifo" => ActorQueue<int>.LifoProps(maxSize),
        _ => ActorQueue<int>.PriorityProps(maxSize: maxSize),
    });

    /// <summary>The order in which a queue of <paramref name="kind"/> hands out <paramref name="put"/>, put in that order.</summary>
    protected static int[] InTakeOrder(string kind, params int[] put) => kind switch
    {
        "fifo" => put,
        "lifo" => put.Reverse().ToArray(),
        _ => put.Order().ToArray(),
    };

    protected static void PutManyNow(IActorRef queue, TestProbe putter, long requestId, params object?[] items)
    {
        queue.Tell(new QueueProtocol.PutMany(requestId, putter.Ref, items), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutManyDone(requestId, items.Length));
    }

    protected static QueueProtocol.GotMany GetManyNow(IActorRef queue, TestProbe getter, long requestId, int maxCount)
    {
        queue.Tell(new QueueProtocol.GetMany(requestId, getter.Ref, maxCount), getter.Ref);
        return ExpectGotMany(getter, requestId);
    }

    protected static QueueProtocol.GotMany ExpectGotMany(TestProbe getter, long requestId)
    {
        var got = getter.ExpectMsg<QueueProtocol.GotMany>(TestTimes.Settle);
        Assert.Equal(requestId, got.RequestId);
        Assert.Equal(got.Items.Count, got.Sequences.Count);
        return got;
    }

    protected static object?[] Boxed(params int[] items) => items.Cast<object?>().ToArray();

    protected static CoordinatorProtocol.Rejected AssertRejected(TestProbe probe, long requestId, RejectionReason reason)
    {
        var rejected = probe.ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal((requestId, reason), (rejected.RequestId, rejected.Reason));
        return rejected;
    }
}
