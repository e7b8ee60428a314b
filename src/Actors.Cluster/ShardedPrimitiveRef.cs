using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Actors.Cluster;

/// <summary>
/// The coordinator reference a cluster facade is built over: every message told to it goes to the shard region (or
/// proxy) wrapped in a <see cref="ShardingEnvelope"/> for one entity, with the original sender kept, so the entity
/// replies straight to the caller wherever it lives.
/// </summary>
/// <remarks>
/// It is not a local actor, so the facades talk to it with <c>Ask</c>: Ask's temporary actor has a path that
/// serialises and resolves on the entity's node, and its timeout is the backstop when the entity cannot answer. The
/// local facades' cheaper reply promise relies on dead letters to notice a lost request, which a remote node would not
/// report.
/// </remarks>
internal sealed class ShardedPrimitiveRef : MinimalActorRef
{
    private readonly IActorRef _region;

    public ShardedPrimitiveRef(IActorRef region, string entityId, IActorRefProvider provider)
    {
        _region = region;
        EntityId = entityId;
        Provider = provider;
        Path = region.Path / Uri.EscapeDataString(entityId);
    }

    /// <summary>The entity every message is addressed to.</summary>
    public string EntityId { get; }

    /// <inheritdoc />
    public override ActorPath Path { get; }

    /// <inheritdoc />
    public override IActorRefProvider Provider { get; }

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender) =>
        _region.Tell(new ShardingEnvelope(EntityId, message), sender);
}
