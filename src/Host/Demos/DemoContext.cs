using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>What a running demo gets: the actor system, the settings, scaled time, and a thread-safe output.</summary>
internal sealed class DemoContext(ActorSystem system, IServiceProvider services, DemoSettings settings, TextWriter output, CancellationToken cancellation)
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    /// <summary>The actor system of the host (configured through Akka.Hosting).</summary>
    public ActorSystem System { get; } = system;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>The command line's settings.</summary>
    public DemoSettings Settings { get; } = settings;

    /// <summary>Cancelled when the user stops the host (Ctrl+C).</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The real duration of <paramref name="tutorialSeconds"/> of the tutorial's time.</summary>
    public TimeSpan Seconds(double tutorialSeconds) => TimeSpan.FromSeconds(tutorialSeconds * Settings.TimeScale);

    /// <summary>Sleeps for <paramref name="tutorialSeconds"/> of scaled time without blocking a thread (the tutorial's <c>time.sleep</c>).</summary>
    public Task SleepAsync(double tutorialSeconds) => Task.Delay(Seconds(tutorialSeconds), Cancellation);

    /// <summary>Blocks the calling thread for <paramref name="tutorialSeconds"/> of scaled time, for jobs meant to block (executor workers).</summary>
    public void Sleep(double tutorialSeconds) => Thread.Sleep(Seconds(tutorialSeconds));

    /// <summary>Prints one line; safe from any thread.</summary>
    public void WriteLine(string line) => _output.WriteLine(line);
}
