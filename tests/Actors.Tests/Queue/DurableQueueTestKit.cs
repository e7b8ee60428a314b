using Actors.Coordination;
using Actors.Queue;

namespace Actors.Tests.Queue;

/// <summary>
/// What the tests of the durable queue's contract share: a host that does what a persisting one would — restores a
/// snapshot, replays events, reports every event a message produced to a journal probe instead of storing it — so a
/// test can replay exactly what a real journal would hold into a new coordinator.
/// </summary>
public abstract class DurableQueueTestKit : CoordinatorTestKit
{
    /// <summary>The confirmation time of the queues here: long enough that no test waits for it by accident.</summary>
    protected static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(5);

    protected DurableQueueTestKit() => Journal = CreateTestProbe();

    /// <summary>Receives every event the hosted coordinators produce, in order.</summary>
    protected TestProbe Journal { get; }

    protected static Coordinator Fifo(TimeSpan? confirmWithin = null) => ActorQueue<int>.DurableBehavior(0, confirmWithin ?? ConfirmWithin);

    /// <summary>Hosts <paramref name="coordinator"/> after restoring <paramref name="snapshot"/> and replaying <paramref name="events"/>.</summary>
    protected IActorRef Host(Coordinator coordinator, IDurableState? snapshot = null, IEnumerable<IDurableEvent>? events = null)
    {
        var replayed = events is null ? Array.Empty<IDurableEvent>() : events.ToArray();
        var journal = Journal.Ref;
        return Sys.ActorOf(Props.Create(() => new JournallingHost(coordinator, snapshot, replayed, journal)));
    }

    /// <summary>The events the journal probe received next, up to and including one of type <typeparamref name="TLast"/>.</summary>
    protected List<IDurableEvent> JournalUpTo<TLast>()
        where TLast : IDurableEvent
    {
        var events = new List<IDurableEvent>();
        do events.Add(Journal.ExpectMsg<IDurableEvent>());
        while (events[^1] is not TLast);
        return events;
    }

    /// <summary>The host's whole durable state now, as a snapshot.</summary>
    protected QueueDurableState Snapshot(IActorRef host)
    {
        host.Tell(CaptureSnapshot.Instance, TestActor);
        return ExpectMsg<QueueDurableState>();
    }

    protected QueueProtocol.QueueState StateOf(IActorRef host)
    {
        host.Tell(new QueueProtocol.GetState(0), TestActor);
        return ExpectMsg<QueueProtocol.QueueState>();
    }

    /// <summary>Takes every item there is, confirming each, and returns them in the order received.</summary>
    protected List<object?> Drain(IActorRef host)
    {
        var items = new List<object?>();
        while (true)
        {
            host.Tell(new QueueProtocol.Get(1, ActorRefs.Nobody, TimeSpan.Zero), TestActor);
            if (ExpectMsg<QueueProtocol.IGetReply>() is not QueueProtocol.Got got) return items;
            items.Add(got.Item);
            host.Tell(new QueueProtocol.ConfirmDelivery(2, [got.Sequence]), TestActor);
            ExpectMsg<QueueProtocol.DeliveryConfirmed>();
        }
    }

    /// <summary>A host as a persisting one would be, reporting each event to a journal instead of storing it.</summary>
    private sealed class JournallingHost : UntypedActor, IWithTimers, ICoordinatorHost
    {
        private readonly Coordinator _coordinator;
        private readonly IDurableState? _snapshot;
        private readonly IDurableEvent[] _events;
        private readonly IActorRef _journal;

        public JournallingHost(Coordinator coordinator, IDurableState? snapshot, IDurableEvent[] events, IActorRef journal)
        {
            (_coordinator, _snapshot, _events, _journal) = (coordinator, snapshot, events, journal);
            coordinator.Attach(this);
        }

        public ITimerScheduler Timers { get; set; } = null!;

        IActorContext ICoordinatorHost.Context => Context;

        void ICoordinatorHost.Unhandled(object message) => Unhandled(message);

        void ICoordinatorHost.Send(IActorRef to, object message) => to.Tell(message, Self);

        /// <summary>Recovery, as a persistent actor's: after the timers exist, before the coordinator starts.</summary>
        protected override void PreStart()
        {
            if (_snapshot is not null) _coordinator.RestoreDurableState(_snapshot);
            foreach (var durableEvent in _events) _coordinator.ApplyDurableEvent(durableEvent);
            _coordinator.Started();
        }

        protected override void PostStop() => _coordinator.Stopped();

        protected override void OnReceive(object message)
        {
            if (message is CaptureSnapshot)
            {
                Sender.Tell(_coordinator.CaptureDurableState());
                return;
            }

            _coordinator.Receive(message);
            foreach (var durableEvent in _coordinator.TakeDurableEvents()) _journal.Tell(durableEvent);
        }
    }

    private sealed class CaptureSnapshot
    {
        public static readonly CaptureSnapshot Instance = new();
    }
}
