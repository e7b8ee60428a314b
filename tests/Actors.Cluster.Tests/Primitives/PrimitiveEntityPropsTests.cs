using Actors.Hosting;
using Actors.Lock;
using Actors.Semaphore;

namespace Actors.Cluster.Tests.Primitives;

/// <summary>Entity ids made on one node create the right coordinator on any node, without the cluster.</summary>
public sealed class PrimitiveEntityPropsTests : Akka.TestKit.Xunit2.TestKit
{
    [Theory]
    [InlineData("semaphore:many:tenant")]
    [InlineData("semaphore:bounded:x:tenant")]
    [InlineData("queue:circular:0:jobs")]
    [InlineData("barrier:0:-:b")]
    [InlineData("mutex:m")]
    [InlineData("lock")]
    public void MalformedId_GetsAnEntityThatRefusesEveryRequest(string entityId)
    {
        var entity = Sys.ActorOf(PrimitiveEntityProps.For(entityId));
        entity.Tell(new SemaphoreProtocol.Acquire(7, ActorRefs.Nobody, TimeSpan.Zero));
        var rejected = ExpectMsg<CoordinatorProtocol.Rejected>();
        Assert.Equal(RejectionReason.InvalidArgument, rejected.Reason);
        Assert.Equal(7, rejected.RequestId);
    }

    [Fact]
    public void Ids_OfEveryKind_CreateTheirCoordinator()
    {
        string[] ids =
        [
            PrimitiveEntityIds.Lock("a:b"), PrimitiveEntityIds.RLock("r"), PrimitiveEntityIds.Event("e"),
            PrimitiveEntityIds.Semaphore("s", 5, bounded: true), PrimitiveEntityIds.Barrier("b", 2, TimeSpan.FromSeconds(1)),
            PrimitiveEntityIds.Barrier("b", 2, null),
            PrimitiveEntityIds.Queue("q", QueueKind.Fifo, 3), PrimitiveEntityIds.Queue("q", QueueKind.Lifo, 0),
            PrimitiveEntityIds.Queue("q", QueueKind.Priority, 0), PrimitiveEntityIds.Queue("q", QueueKind.Simple, 9),
        ];
        foreach (var id in ids)
        {
            Sys.ActorOf(PrimitiveEntityProps.For(id)).Tell(new CoordinatorProtocol.GetStatistics(1));
            Assert.NotEqual("Malformed", ExpectMsg<CoordinatorProtocol.Statistics>().Kind);
        }
    }

    [Fact]
    public void Ids_SayKindConfigurationAndName()
    {
        Assert.Equal("semaphore:bounded:5:tenant-1", PrimitiveEntityIds.Semaphore("tenant-1", 5, bounded: true));
        Assert.Equal("queue:simple:0:jobs", PrimitiveEntityIds.Queue("jobs", QueueKind.Simple, 10));
        Assert.Equal("barrier:3:-:b", PrimitiveEntityIds.Barrier("b", 3, Timeout.InfiniteTimeSpan));
        Assert.Equal("lock:a:b", PrimitiveEntityIds.Lock("a:b"));
        Sys.ActorOf(PrimitiveEntityProps.For(PrimitiveEntityIds.Lock("a:b"))).Tell(new LockProtocol.Acquire(1, ActorRefs.Nobody));
        ExpectMsg<LockProtocol.Acquired>();
    }
}
