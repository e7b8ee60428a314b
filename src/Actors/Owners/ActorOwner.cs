using Akka.Actor;

namespace Actors.Owners;

/// <summary>
/// An owner identity for code that is not an actor. Coordinators know owners as actor references and watch them,
/// so an <see cref="ActorOwner"/> is a tiny actor: while it lives, it can hold locks, re-entrant depth and
/// permits; when it is disposed, it stops, and every coordinator releases what it held and drops its waits.
/// </summary>
/// <remarks>
/// Python ties lock ownership to the current thread. Async code has no stable thread, so ownership here is
/// explicit: pass <see cref="Ref"/> (or <c>Self</c> from inside an actor) as the owner. Unlike Python, where a
/// thread that exits while holding a lock leaves it locked forever, an owner that ends releases what it held.
/// </remarks>
public sealed class ActorOwner : IAsyncDisposable
{
    private ActorOwner(IActorRef reference) => Ref = reference;

    /// <summary>The actor reference that stands for this owner in requests.</summary>
    public IActorRef Ref { get; }

    /// <summary>Creates an owner under <paramref name="factory"/> (an actor system or an actor's context).</summary>
    /// <param name="factory">Where to create the owner's actor.</param>
    /// <param name="name">An optional actor name, handy in logs and deadlock reports.</param>
    public static ActorOwner Create(IActorRefFactory factory, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var props = Props.Create<OwnerActor>();
        return new ActorOwner(name is null ? factory.ActorOf(props) : factory.ActorOf(props, name));
    }

    /// <summary>
    /// Stops the owner's actor and waits until it has stopped; coordinators then release what it held. A request made
    /// for the owner afterwards fails at once with <see cref="ObjectDisposedException"/>, and a coordinator refuses to
    /// grant anything to an owner it finds terminated.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Ref.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TaskCanceledException)
        {
            // The actor did not confirm its stop in time; its stop is under way and coordinators will still see it end.
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorOwner({Ref.Path})";

    private sealed class OwnerActor : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            // An owner only has to exist; replies that reach it are not needed by anyone.
        }
    }
}
