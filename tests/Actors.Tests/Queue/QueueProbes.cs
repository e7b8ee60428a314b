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

    /// <summary>Waits until <paramref name="queue"/> has exactly so many waiting getters and putters.</summary>
    public static Task AwaitWaitingAsync(TestKitBase kit, ActorQueue<int> queue, int getters, int putters, TimeSpan? interval = null) =>
        kit.AwaitAssertAsync(async () =>
        {
            var state = await queue.GetStateAsync();
            Assert.Equal((getters, putters), (state.WaitingGetters, state.WaitingPutters));
        }, TimeSpan.FromSeconds(10), interval ?? TimeSpan.FromMilliseconds(20));

    /// <summary>Asserts the count, unfinished tasks and waiters of <paramref name="queue"/>.</summary>
    public static async Task AssertStateAsync(ActorQueue<int> queue, int count, int unfinished, int getters = 0, int putters = 0)
    {
        var state = await queue.GetStateAsync();
        Assert.Equal((count, unfinished, getters, putters), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
    }
}
