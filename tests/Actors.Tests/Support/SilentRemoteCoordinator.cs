using System.Collections.Concurrent;
using Akka.Actor;

namespace Actors.Tests.Support;

/// <summary>
/// A coordinator reference that looks as if it were in another process (not a local actor, an address with a host) and
/// never answers: what a facade sees when its request was lost on the way to another node. It keeps every message with
/// its sender, so a test can answer late.
/// </summary>
/// <param name="system">The system whose provider it reports.</param>
/// <param name="node">The node it seems to live on; a made-up remote address when null.</param>
public sealed class SilentRemoteCoordinator(ActorSystem system, Address? node = null) : MinimalActorRef
{
    /// <summary>What it was told, in order, with the senders.</summary>
    public ConcurrentQueue<(object Message, IActorRef Sender)> Received { get; } = new();

    /// <inheritdoc />
    public override ActorPath Path { get; } = new RootActorPath(node ?? new Address("akka.tcp", "other", "10.0.0.2", 4053)) / "coordinator";

    /// <inheritdoc />
    public override IActorRefProvider Provider => ((ExtendedActorSystem)system).Provider;

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender) => Received.Enqueue((message, sender));
}
