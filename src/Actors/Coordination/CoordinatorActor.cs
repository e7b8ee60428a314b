using Akka.Actor;

namespace Actors.Coordination;

/// <summary>The in-process host of a <see cref="Coordinator"/>: a plain actor that hands it every message.</summary>
internal sealed class CoordinatorActor : UntypedActor, IWithTimers, ICoordinatorHost
{
    private readonly Coordinator _coordinator;

    private CoordinatorActor(Coordinator coordinator)
    {
        _coordinator = coordinator;
        coordinator.Attach(this);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    IActorContext ICoordinatorHost.Context => Context;

    /// <summary>The props of an actor that hosts the coordinator <paramref name="create"/> makes, a new one per incarnation.</summary>
    /// <remarks>
    /// Through a producer rather than <c>Props.Create(() =&gt; ...)</c>: that form evaluates constructor arguments once,
    /// when the props are made, so every actor made from them would share one behaviour and its state.
    /// </remarks>
    public static Props PropsFor(Func<Coordinator> create) => Props.CreateBy(new Producer(create));

    /// <inheritdoc />
    void ICoordinatorHost.Unhandled(object message) => Unhandled(message);

    /// <inheritdoc />
    void ICoordinatorHost.Send(IActorRef to, object message) => to.Tell(message, Self);

    protected override void OnReceive(object message) => _coordinator.Receive(message);

    protected override void PreStart() => _coordinator.Started();

    protected override void PostStop() => _coordinator.Stopped();

    private sealed class Producer(Func<Coordinator> create) : IIndirectActorProducer
    {
        public Type ActorType => typeof(CoordinatorActor);

        public ActorBase Produce() => new CoordinatorActor(create());

        public void Release(ActorBase actor)
        {
        }
    }
}
