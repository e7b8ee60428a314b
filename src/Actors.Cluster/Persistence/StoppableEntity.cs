using Akka.Actor;

namespace Actors.Cluster.Persistence;

/// <summary>
/// Hosts an entity that has no durable state (a malformed id) in a persisting region: forwards every message
/// to it, keeping the sender, and stops on <see cref="StopEntity"/>, which the hosted coordinator would not understand.
/// </summary>
internal sealed class StoppableEntity : UntypedActor
{
    private readonly IActorRef _entity;

    public StoppableEntity(Props entity) => _entity = Context.ActorOf(entity, "coordinator");

    /// <summary>The props of a host for <paramref name="entity"/>.</summary>
    public static Props Props(Props entity) => Akka.Actor.Props.Create(() => new StoppableEntity(entity));

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        if (message is StopEntity) Context.Stop(Self);
        else _entity.Forward(message);
    }
}
