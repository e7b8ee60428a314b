using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>
/// The durable queue's contract with a persisting host: each change is one small event (not the whole state), the
/// events replayed after a snapshot give back the same queue, and a delivery stays the queue's until its getter
/// confirms it — a getter that dies or stays silent gives the item back to its place.
/// </summary>
public sealed class DurableQueueProtocolTests : DurableQueueTestKit
{
    [Fact]
    public void PutsAndGets_AreJournalledAsItemDeltas_InOrder()
    {
        var getter = CreateTestProbe();
        var queue = Host(Fifo());

        queue.Tell(new QueueProtocol.Put(1, ActorRefs.Nobody, 10), TestActor);
        ExpectMsg(new QueueProtocol.PutDone(1));
        queue.Tell(new QueueProtocol.PutMany(2, ActorRefs.Nobody, [20, 30]), TestActor);
        ExpectMsg(new QueueProtocol.PutManyDone(2, 2));
        queue.Tell(new QueueProtocol.Get(3, getter.Ref), getter.Ref);
        Assert.Equal(new QueueProtocol.Got(3, 10, 1, AwaitsConfirmation: true), getter.ExpectMsg<QueueProtocol.Got>());

        var first = Assert.IsType<QueueDurableEvents.ItemsPut>(Journal.ExpectMsg<IDurableEvent>());
        Assert.Equal(1, first.FirstSequence);
        Assert.Equal([10], first.Items);
        var batch = Assert.IsType<QueueDurableEvents.ItemsPut>(Journal.ExpectMsg<IDurableEvent>());
        Assert.Equal(2, batch.FirstSequence);
        Assert.Equal([20, 30], batch.Items);
        var taken = Assert.IsType<QueueDurableEvents.ItemsTaken>(Journal.ExpectMsg<IDurableEvent>());
        Assert.Equal([1L], taken.Sequences);
        Assert.Equal(getter.Ref, taken.Getter);
        Assert.Equal(1, StateOf(queue).AwaitingConfirmation);
    }

    [Fact]
    public void InProcessQueue_RecordsNoEvents_AndAsksForNoConfirmation()
    {
        var queue = Host(new QueueCoordinator(() => new ItemStore.Fifo(), maxSize: 0, tracksTasks: true));
        queue.Tell(new QueueProtocol.Put(1, ActorRefs.Nobody, 1), TestActor);
        ExpectMsg<QueueProtocol.PutDone>();
        queue.Tell(new QueueProtocol.Get(2, ActorRefs.Nobody), TestActor);
        Assert.False(ExpectMsg<QueueProtocol.Got>().AwaitsConfirmation);
        Journal.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, StateOf(queue).AwaitingConfirmation);
    }

    [Fact]
    public void GetterDiesWithoutConfirming_ItsItemGoesBackToItsPlace()
    {
        var getter = CreateTestProbe();
        var queue = Host(Fifo());
        queue.Tell(new QueueProtocol.PutMany(1, ActorRefs.Nobody, [1, 2, 3]), TestActor);
        ExpectMsg<QueueProtocol.PutManyDone>();
        queue.Tell(new QueueProtocol.Get(2, getter.Ref), getter.Ref);
        Assert.Equal(1, getter.ExpectMsg<QueueProtocol.Got>().Item);
        JournalUpTo<QueueDurableEvents.ItemsTaken>();

        Sys.Stop(getter.Ref);

        Assert.Equal(new QueueDurableEvents.ItemReturned(1, 1), Journal.ExpectMsg<IDurableEvent>());
        Assert.Equal([1, 2, 3], Drain(queue));
    }

    [Fact]
    public void ConfirmationNeverComes_TheItemGoesBackWhenItsTimeIsUp()
    {
        var queue = Host(Fifo(confirmWithin: TimeSpan.FromMilliseconds(200)));
        queue.Tell(new QueueProtocol.PutMany(1, ActorRefs.Nobody, [1, 2]), TestActor);
        ExpectMsg<QueueProtocol.PutManyDone>();
        queue.Tell(new QueueProtocol.GetMany(2, ActorRefs.Nobody, 2), TestActor);
        ExpectMsg<QueueProtocol.GotMany>();
        JournalUpTo<QueueDurableEvents.ItemsTaken>();

        var returned = new[] { Journal.ExpectMsg<QueueDurableEvents.ItemReturned>(Patience), Journal.ExpectMsg<QueueDurableEvents.ItemReturned>(Patience) };
        Assert.Equal([1L, 2L], returned.Select(r => r.Sequence).Order());
        Assert.Equal([1, 2], Drain(queue));
    }

    [Fact]
    public void ConfirmedDelivery_IsForgotten_AndTheGettersDeathGivesNothingBack()
    {
        var getter = CreateTestProbe();
        var queue = Host(Fifo());
        queue.Tell(new QueueProtocol.PutMany(1, ActorRefs.Nobody, [1, 2]), TestActor);
        ExpectMsg<QueueProtocol.PutManyDone>();
        queue.Tell(new QueueProtocol.Get(2, getter.Ref), getter.Ref);
        var got = getter.ExpectMsg<QueueProtocol.Got>();
        queue.Tell(new QueueProtocol.ConfirmDelivery(3, [got.Sequence, 99]), getter.Ref);
        getter.ExpectMsg(new QueueProtocol.DeliveryConfirmed(3, 1));
        Assert.Equal([got.Sequence], Assert.IsType<QueueDurableEvents.DeliveriesConfirmed>(JournalUpTo<QueueDurableEvents.DeliveriesConfirmed>()[^1]).Sequences);

        Watch(getter.Ref);
        Sys.Stop(getter.Ref);
        ExpectTerminated(getter.Ref);
        Assert.Equal([2], Drain(queue));
    }

    [Fact]
    public async Task Facade_ConfirmsWhatItReceives()
    {
        var queue = Host(Fifo());
        var facade = new ActorQueue<int>(queue);
        await facade.PutManyAsync([1, 2, 3]).WaitAsync(Patience);
        Assert.Equal(1, await facade.GetAsync().WaitAsync(Patience));
        Assert.Equal([2, 3], await facade.GetManyAsync(5).WaitAsync(Patience));
        Assert.Equal(0, (await facade.GetStateAsync().WaitAsync(Patience)).AwaitingConfirmation);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("lifo")]
    [InlineData("priority")]
    [InlineData("simple")]
    public void SnapshotAndTheEventsAfterIt_GiveBackTheSameQueue(string kind)
    {
        var getter = CreateTestProbe();
        var original = Host(Behavior(kind));
        original.Tell(new QueueProtocol.PutMany(1, ActorRefs.Nobody, [5, 3, 8, 1]), TestActor);
        ExpectMsg<QueueProtocol.PutManyDone>();
        original.Tell(new QueueProtocol.Get(2, getter.Ref), getter.Ref);
        getter.ExpectMsg<QueueProtocol.Got>();
        Journal.ReceiveN(2);
        var snapshot = Snapshot(original);

        original.Tell(new QueueProtocol.PutMany(3, ActorRefs.Nobody, [7, 2]), TestActor);
        ExpectMsg<QueueProtocol.PutManyDone>();
        original.Tell(new QueueProtocol.Get(4, ActorRefs.Nobody), TestActor);
        var second = ExpectMsg<QueueProtocol.Got>();
        original.Tell(new QueueProtocol.Return(5, second.Item, second.Sequence), TestActor);
        ExpectMsg<QueueProtocol.Returned>();
        var tail = JournalUpTo<QueueDurableEvents.ItemReturned>();

        var recovered = Host(Behavior(kind), snapshot, tail);
        Assert.Equal(StateOf(original) with { RequestId = 0 }, StateOf(recovered) with { RequestId = 0 });
        Assert.Equal(Drain(original), Drain(recovered));
    }

    [Fact]
    public void AnEventThatDoesNotFollow_IsRefused()
    {
        var coordinator = Fifo();
        Sys.ActorOf(Props.Create(() => new AttachOnly(coordinator))).Tell("attached", TestActor);
        ExpectMsg("attached");
        coordinator.ApplyDurableEvent(new QueueDurableEvents.ItemsPut(1, [1]));
        Assert.Throws<ArgumentException>(() => coordinator.ApplyDurableEvent(new QueueDurableEvents.ItemsPut(5, [2])));
        Assert.Throws<ArgumentException>(() => coordinator.ApplyDurableEvent(new QueueDurableEvents.ItemsTaken([7], ActorRefs.Nobody)));
        Assert.Throws<NotSupportedException>(() => Actors.Lock.ActorLock.Behavior().ApplyDurableEvent(new QueueDurableEvents.TasksDone(1)));
    }

    [Fact]
    public void SnapshotIsDue_AfterTheMinimumEvents_AndAsMuchJournalAsTheStateHolds()
    {
        var coordinator = Fifo();
        Sys.ActorOf(Props.Create(() => new AttachOnly(coordinator))).Tell("attached", TestActor);
        ExpectMsg("attached");
        coordinator.RestoreDurableState(new QueueDurableState(Enumerable.Range(1, 10).Cast<object?>().ToArray(), Enumerable.Range(1, 10).Select(i => (long)i).ToArray(),
            [], [], [], 10, 10, false, false));
        coordinator.ApplyDurableEvent(new QueueDurableEvents.ItemsPut(11, [11, 12]));
        Assert.False(coordinator.IsSnapshotDue(1), "2 items of journal after a snapshot of 10");
        coordinator.ApplyDurableEvent(new QueueDurableEvents.ItemsPut(13, Enumerable.Range(13, 9).Cast<object?>().ToArray()));
        Assert.True(coordinator.IsSnapshotDue(1));
        Assert.False(coordinator.IsSnapshotDue(3));
    }

    private static Actors.Coordination.Coordinator Behavior(string kind) => kind switch
    {
        "lifo" => ActorQueue<int>.DurableLifoBehavior(0, ConfirmWithin),
        "priority" => ActorQueue<int>.DurablePriorityBehavior(null, 0, ConfirmWithin),
        "simple" => ActorSimpleQueue<int>.DurableBehavior(ConfirmWithin),
        _ => Fifo(),
    };

    /// <summary>Attaches a coordinator to an actor so that its events can be applied directly, as during recovery.</summary>
    private sealed class AttachOnly : UntypedActor, IWithTimers, Actors.Coordination.ICoordinatorHost
    {
        public AttachOnly(Actors.Coordination.Coordinator coordinator) => coordinator.Attach(this);

        public ITimerScheduler Timers { get; set; } = null!;

        IActorContext Actors.Coordination.ICoordinatorHost.Context => Context;

        void Actors.Coordination.ICoordinatorHost.Unhandled(object message) => Unhandled(message);

        void Actors.Coordination.ICoordinatorHost.Send(IActorRef to, object message) => to.Tell(message, Self);

        protected override void OnReceive(object message) => Sender.Tell(message);
    }
}
