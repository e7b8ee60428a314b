using Akka;
using Akka.Configuration;

namespace Actors.Tests.Threads;

/// <summary>Actor systems that a test shuts down itself, and a probe into the last phase before they terminate.</summary>
internal static class ShutdownSystems
{
    /// <summary>A quiet system whose wait for non-daemon threads may last <paramref name="waitPhaseTimeout"/>.</summary>
    public static ActorSystem Create(string waitPhaseTimeout = "60s") =>
        ActorSystem.Create($"shutdown-{Guid.NewGuid():N}", ConfigurationFactory.ParseString($"""
            akka.loglevel = ERROR
            akka.stdout-loglevel = OFF
            akka.log-dead-letters = off
            akka.coordinated-shutdown.phases.before-service-unbind.timeout = {waitPhaseTimeout}
            """));

    /// <summary>Records <paramref name="observe"/> in the last phase before <paramref name="system"/> terminates.</summary>
    public static Task<T> ObserveBeforeTermination<T>(ActorSystem system, Func<T> observe)
    {
        var observed = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "observe-threads", () =>
        {
            observed.TrySetResult(observe());
            return Task.FromResult(Done.Instance);
        });
        return observed.Task;
    }
}
