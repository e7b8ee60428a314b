using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>Protocol-level helpers shared by the queue tests.</summary>
internal static class QueueProbes
{
    /// <summary>Takes every item of <paramref name="queue"/> with zero-timeout gets until it answers Empty.</summary>
    public static List<object?> Drain(TestKitBase kit, IActorRef queue)
    {
        var drainer = kit.CreateTestProbe();
        var items = new List<object?>();
        for (var id = 1_000L; ; id++)
        {
            queue.Tell(new QueueProtocol.Get(id, drainer.Ref, TimeSpan.Zero), drainer.Ref);
            switch (drainer.ExpectMsg<object>())
            {
                case QueueProtocol.Got got:
                    items.Add(got.Item);
                    break;
                case QueueProtocol.Empty:
                    return items;
                case var other:
                    Assert.Fail($"Unexpected reply while draining: {other}");
                    return items;
            }
        }
    }
}
