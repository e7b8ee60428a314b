using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// What the protocol tests of the queue coordinator (Queue, LifoQueue, PriorityQueue, SimpleQueue) share: queues and
/// items to put in them. The tests drive the coordinator by Tell from TestProbes, the way an actor uses it; shutdown
/// has its own class (<see cref="QueueShutdownTests"/>), the batch messages theirs (<see cref="QueueBatchPutProtocolTests"/>).
/// </summary>
public abstract class QueueProtocolTestKit : CoordinatorTestKit
{
    /// <summary>An item with a priority and a name; the priority queues below compare the priority only.</summary>
    protected sealed record Job(int Priority, string Name);

    protected static readonly IComparer<Job> ByPriority = Comparer<Job>.Create((a, b) => a.Priority.CompareTo(b.Priority));

    protected IActorRef NewQueue(int maxSize = 0) => Sys.ActorOf(ActorQueue<int>.Props(maxSize));

    protected static void AssertRejected(TestProbe probe, long requestId, RejectionReason reason, TimeSpan? within = null)
    {
        var rejected = probe.ExpectMsg<CoordinatorProtocol.Rejected>(within);
        Assert.Equal((requestId, reason), (rejected.RequestId, rejected.Reason));
    }
}
