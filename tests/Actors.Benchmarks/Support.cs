using Akka.Actor;
using Akka.Configuration;

namespace Actors.Benchmarks;

/// <summary>One quiet actor system per benchmark class.</summary>
internal static class Systems
{
    public static ActorSystem Create(string name) =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off"));
}

/// <summary>
/// Drives request/reply cycles by Tell from inside an actor: <c>step</c> gets the last reply (null at the start) and returns
/// the next message to send, or null when the cycles are done. Nothing blocks, nothing awaits inside the actor.
/// </summary>
internal sealed class CycleDriver : UntypedActor
{
    public sealed record Start(IActorRef Target, Func<IActorRef, object?, object?> Step, TaskCompletionSource Done);

    private Start? _run;

    protected override void OnReceive(object message)
    {
        if (message is Start start)
        {
            _run = start;
            Next(null);
        }
        else if (_run is not null) Next(message);
    }

    private void Next(object? reply)
    {
        var next = _run!.Step(Self, reply);
        if (next is null) _run.Done.TrySetResult();
        else _run.Target.Tell(next, Self);
    }

    /// <summary>Runs one cycle sequence per driver at once, each with a step of its own from <paramref name="newStep"/>.</summary>
    public static Task RunEachAsync(IEnumerable<IActorRef> drivers, IActorRef target, Func<Func<IActorRef, object?, object?>> newStep) =>
        Task.WhenAll(drivers.Select(driver => RunAsync(driver, target, newStep())));

    public static async Task RunAsync(IActorRef driver, IActorRef target, Func<IActorRef, object?, object?> step)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        driver.Tell(new Start(target, step, done));
        await done.Task;
    }
}

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class Echo : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message);
}

/// <summary>Takes every message and does nothing with it: the sender of requests whose replies nobody reads.</summary>
internal sealed class Sink : UntypedActor
{
    protected override void OnReceive(object message)
    {
    }
}
