using Akka.Configuration;
using Akka.Dispatch;

namespace Actors.Executor;

/// <summary>
/// Gives every executor worker a dispatcher with one dedicated thread of its own (a pinned dispatcher), so a job that
/// blocks holds only its own worker's thread and never a thread of the actor system's default dispatcher.
/// </summary>
/// <remarks>
/// Akka.NET's own pinned configurator is internal, and its shared fork-join pool does not move queued work to an idle
/// thread while another thread blocks; a fresh single-thread dispatcher per worker has neither problem.
/// </remarks>
internal sealed class WorkerDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
    : MessageDispatcherConfigurator(config, prerequisites)
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override MessageDispatcher Dispatcher() =>
        new PinnedDispatcher(this, Config.GetString("id"), throughput: 100, throughputDeadlineTime: null, ConfigureExecutor(), ShutdownTimeout);

    /// <summary>Registers the configurator under a new id unique to one executor and returns the id.</summary>
    public static string Register(Akka.Actor.ActorSystem system)
    {
        var id = $"actors-executor-{Guid.NewGuid():N}";
        var settings = ConfigurationFactory.ParseString($$"""
            id = "{{id}}"
            executor = fork-join-executor
            dedicated-thread-pool {
              thread-count = 1
              threadtype = background
            }
            """).WithFallback(system.Dispatchers.DefaultDispatcherConfig);
        system.Dispatchers.RegisterConfigurator(id, new WorkerDispatcherConfigurator(settings, system.Dispatchers.Prerequisites));
        return id;
    }
}
