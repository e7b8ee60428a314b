using Akka.Actor;
using Akka.Event;

namespace Actors.Internal;

/// <summary>
/// Fails a facade's <see cref="ReplyTarget"/> as soon as its request is known to go unanswered: it reached dead letters
/// (the coordinator is stopped) or the receiving actor did not understand it (not a coordinator of that kind). This is
/// what lets local requests go without the per-call timer that <c>Ask</c> arms as its backstop. One listener per actor
/// system, subscribed to the event stream; it runs on the publishing thread and touches only the target it is given.
/// </summary>
internal sealed class UndeliveredRequests : IExtension
{
    private UndeliveredRequests(ExtendedActorSystem system)
    {
        var listener = new Listener(system.Provider);
        // Unhandled messages are published as a kind of dead letter.
        system.EventStream.Subscribe(listener, typeof(AllDeadLetters));
            }

    private static ActorSystem? _lastEnsured;

    /// <summary>Makes sure the listener of <paramref name="system"/> is subscribed; on every facade call, so the common
    /// case (the same system as last time) is a reference comparison rather than an extension lookup.</summary>
    public static void EnsureWatching(ActorSystem system)
    {
        if (ReferenceEquals(Volatile.Read(ref _lastEnsured), system)) return;
        system.WithExtension<UndeliveredRequests, Provider>();
        Volatile.Write(ref _lastEnsured, system);
    }

    private sealed class Listener : MinimalActorRef
    {
        public Listener(IActorRefProvider provider)
        {
            Provider = provider;
            Path = provider.TempPath();
            provider.RegisterTempActor(this, Path);
        }

        public override ActorPath Path { get; }

        public override IActorRefProvider Provider { get; }

        protected override void TellInternal(object message, IActorRef sender)
        {
            switch (message)
            {
                case UnhandledMessage { Sender: ReplyTarget target } unhandled:
                    target.Fail(new InvalidOperationException(
                        $"{unhandled.Recipient.Path} does not understand {unhandled.Message.GetType().Name}: is it a coordinator of the right kind?"));
                    break;
                case AllDeadLetters { Sender: ReplyTarget target } letter:
                    target.Fail(new ObjectDisposedException("coordinator",
                        $"The coordinator {letter.Recipient.Path} is stopped; {letter.Message.GetType().Name} was not delivered."));
                    break;
            }
        }
    }

    private sealed class Provider : ExtensionIdProvider<UndeliveredRequests>
    {
        public override UndeliveredRequests CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
