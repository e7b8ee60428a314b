using Actors.Queue;
using static Actors.Tests.Support.QueueProbes;

namespace Actors.Tests.Queue;

/// <summary>
/// What the tests of Python 3.13's <c>Queue.shutdown(immediate)</c> on the coordinator share. The tests drive it by Tell
/// from TestProbes: puts refused, gets draining (graceful) or failing at once (immediate), blocked callers woken, the
/// unfinished count and join.
/// </summary>
public abstract class QueueShutdownTestKit : CoordinatorTestKit
{
    protected IActorRef NewQueue(int maxSize = 0) => Sys.ActorOf(ActorQueue<int>.Props(maxSize));

    protected static void Shutdown(IActorRef queue, TestProbe probe, long requestId, bool immediate, int expectedDiscarded)
    {
        queue.Tell(new QueueProtocol.Shutdown(requestId, immediate), probe.Ref);
        probe.ExpectMsg(new QueueProtocol.ShutdownDone(requestId, expectedDiscarded));
    }

    protected static void TaskDone(IActorRef queue, TestProbe probe, long requestId, int expectedUnfinished)
    {
        queue.Tell(new QueueProtocol.TaskDone(requestId), probe.Ref);
        probe.ExpectMsg(new QueueProtocol.TaskDoneAck(requestId, expectedUnfinished));
    }

    protected static void AssertGetRefused(IActorRef queue, TestProbe getter, long requestId, TimeSpan? timeout = null)
    {
        queue.Tell(new QueueProtocol.Get(requestId, getter.Ref, timeout), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.QueueShutDown(requestId));
    }
}
