using Akka.Actor;
using Akka.Event;

namespace Actors.Cluster.Tests.Support;

/// <summary>The first error an actor system logs whose message contains a given text, for tests that check what is logged.</summary>
public static class LoggedErrors
{
    /// <summary>Completes with the first error logged on <paramref name="system"/> from now on whose message contains <paramref name="text"/>.</summary>
    public static Task<Error> FirstContaining(ActorSystem system, string text)
    {
        var found = new TaskCompletionSource<Error>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = system.ActorOf(Props.Create(() => new Listener(text, found)));
        system.EventStream.Subscribe(listener, typeof(Error));
        return found.Task;
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(string text, TaskCompletionSource<Error> found) =>
            Receive<Error>(error => error.ToString().Contains(text, StringComparison.Ordinal), error =>
            {
                found.TrySetResult(error);
                Context.Stop(Self);
            });
    }
}
