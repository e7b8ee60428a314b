using Actors.Internal;
using Actors.Protocol;
using Akka;
using Akka.Actor;
using Akka.Event;

namespace Actors.Threads;

/// <summary>The registry's coordinated-shutdown tasks: wait for non-daemon threads, then abandon daemon threads (see <see cref="ThreadRegistry"/>).</summary>
internal static class ThreadShutdown
{
    public const string WaitPhase = CoordinatedShutdown.PhaseBeforeServiceUnbind;
    public const string AbandonPhase = CoordinatedShutdown.PhaseBeforeActorSystemTerminate;

    public static void Register(ActorSystem system, IActorRef registry, ILoggingAdapter log)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        var phaseTimeout = shutdown.Timeout(WaitPhase);
        // Our own wait ends first, so that its warning names the threads still alive before the phase times out.
        var wait = TimeSpan.FromTicks(phaseTimeout.Ticks / 10 * 9);
        shutdown.AddTask(WaitPhase, "wait-for-non-daemon-threads", () => WaitForNonDaemonThreadsAsync(registry, wait, log));
        shutdown.AddTask(AbandonPhase, "abandon-daemon-threads", () => AbandonDaemonThreadsAsync(registry, log));
    }

    private static async Task<Done> WaitForNonDaemonThreadsAsync(IActorRef registry, TimeSpan timeout, ILoggingAdapter log)
    {
        try
        {
            var reply = await CoordinatorClient.WaitAsync(registry,
                new ThreadRegistryProtocol.WaitForNonDaemonThreads(RequestIds.Next(), ActorRefs.Nobody, timeout), CancellationToken.None).ConfigureAwait(false);
            if (reply is ThreadRegistryProtocol.NonDaemonThreadsRunning running)
                log.Warning("Shutting down while non-daemon threads are still alive after {0}: {1}", timeout, string.Join(", ", running.Names));
        }
        catch (Exception error)
        {
            log.Warning("Could not wait for non-daemon threads at shutdown: {0}", error.Message);
        }

        return Done.Instance;
    }

    private static async Task<Done> AbandonDaemonThreadsAsync(IActorRef registry, ILoggingAdapter log)
    {
        try
        {
            await CoordinatorClient.RequestAsync(registry, new ThreadRegistryProtocol.AbandonDaemonThreads(RequestIds.Next())).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            log.Warning("Could not abandon daemon threads at shutdown: {0}", error.Message);
        }

        return Done.Instance;
    }
}
