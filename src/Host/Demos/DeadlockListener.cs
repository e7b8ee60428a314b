using Actors.Diagnostics;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// Hears the first <see cref="DeadlockDetected"/> published on an actor system's event stream and hands it to async code.
/// Start it before the deadlock can form; dispose it to stop listening.
/// </summary>
internal sealed class DeadlockListener : IAsyncDisposable
{
    private readonly IActorRef _actor;
    private readonly TaskCompletionSource<DeadlockDetected> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DeadlockListener(ActorSystem system) => _actor = system.ActorOf(Props.Create(() => new Listener(_first)));

    /// <summary>Completes with the first deadlock reported after the listener started.</summary>
    public Task<DeadlockDetected> First => _first.Task;

    public static DeadlockListener Start(ActorSystem system) => new(system);

    /// <summary>The first report, or null if none came within <paramref name="patience"/>.</summary>
    public async Task<DeadlockDetected?> WaitAsync(TimeSpan patience, CancellationToken cancellation)
    {
        try
        {
            return await First.WaitAsync(patience, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await _actor.GracefulStop(TimeSpan.FromSeconds(5));

    private sealed class Listener(TaskCompletionSource<DeadlockDetected> first) : UntypedActor
    {
        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadlockDetected));

        protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

        protected override void OnReceive(object message)
        {
            if (message is DeadlockDetected deadlock) first.TrySetResult(deadlock);
        }
    }
}
