using Actors.Queue;

namespace Actors.Tests.Support;

/// <summary>
/// Helpers shared by the queue tests, at protocol level (TestProbes and Tell) and at facade level. Test classes take
/// them with <c>using static</c>.
/// </summary>
internal static class QueueProbes
{
    /// <summary>The queue's state as seen by a fresh probe.</summary>
    public static QueueProtocol.QueueState StateOf(TestKitBase kit, IActorRef queue) => StateSeenBy(queue, kit.CreateTestProbe());

    /// <summary>
    /// The queue's state as the next message <paramref name="probe"/> gets: whatever the queue sent this probe before
    /// it handled the query arrives first, so an answer that must not have been sent fails here. This proves absence
    /// by order instead of listening for a while.
    /// </summary>
    public static QueueProtocol.QueueState StateSeenBy(IActorRef queue, TestProbe probe)
    {
        var id = RequestIds.Next();
        queue.Tell(new QueueProtocol.GetState(id), probe.Ref);
        var state = probe.ExpectMsg<QueueProtocol.QueueState>();
        Assert.Equal(id, state.RequestId);
        return state;
    }

    /// <summary>Asserts the count, unfinished tasks and waiters of <paramref name="queue"/> as seen by a fresh probe.</summary>
    public static void AssertState(TestKitBase kit, IActorRef queue, int count, int unfinished, int getters = 0, int putters = 0) =>
        AssertStateSeenBy(queue, kit.CreateTestProbe(), count, unfinished, getters, putters);

    /// <summary>
    /// Asserts the count, unfinished tasks and waiters of <paramref name="queue"/> as the next message of
    /// <paramref name="probe"/> (see <see cref="StateSeenBy"/>).
    /// </summary>
    public static void AssertStateSeenBy(IActorRef queue, TestProbe probe, int count, int unfinished, int getters = 0, int putters = 0)
    {
        var state = StateSeenBy(queue, probe);
        Assert.Equal((count, unfinished, getters, putters), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
    }

    /// <summary>Waits until <paramref name="queue"/> has exactly so many waiting getters and putters.</summary>
    public static void AwaitWaiting(TestKitBase kit, IActorRef queue, int getters, int putters) =>
        kit.AwaitAssert(() =>
        {
            var state = StateOf(kit, queue);
            Assert.Equal((getters, putters), (state.WaitingGetters, state.WaitingPutters));
        }, TestTimes.Settle, TestTimes.PollInterval);

    /// <summary>Puts <paramref name="item"/> and expects it to be accepted at once.</summary>
    public static void PutNow(IActorRef queue, TestProbe putter, long requestId, object? item)
    {
        queue.Tell(new QueueProtocol.Put(requestId, putter.Ref, item), putter.Ref);
        putter.ExpectMsg(new QueueProtocol.PutDone(requestId));
    }

    /// <summary>Gets an item and expects it at once.</summary>
    public static QueueProtocol.Got GetNow(IActorRef queue, TestProbe getter, long requestId)
    {
        queue.Tell(new QueueProtocol.Get(requestId, getter.Ref), getter.Ref);
        var got = getter.ExpectMsg<QueueProtocol.Got>();
        Assert.Equal(requestId, got.RequestId);
        return got;
    }

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
        }, TestTimes.Settle, interval ?? TestTimes.PollInterval);

    /// <summary>Asserts the count, unfinished tasks and waiters of <paramref name="queue"/>.</summary>
    public static async Task AssertStateAsync(ActorQueue<int> queue, int count, int unfinished, int getters = 0, int putters = 0)
    {
        var state = await queue.GetStateAsync();
        Assert.Equal((count, unfinished, getters, putters), (state.Count, state.Unfinished, state.WaitingGetters, state.WaitingPutters));
    }
}
