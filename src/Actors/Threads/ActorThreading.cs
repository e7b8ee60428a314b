using Akka.Actor;

namespace Actors.Threads;

/// <summary>
/// Python's <c>threading</c> module functions as extension methods of an actor system, which plays the interpreter:
/// <c>system.ActiveThreadCountAsync()</c> is <c>threading.active_count()</c>, and so on. Each forwards to the system's
/// <see cref="ThreadRegistry"/>.
/// </summary>
public static class ActorThreading
{
    /// <summary>The thread registry of <paramref name="system"/>.</summary>
    public static ThreadRegistry Threads(this ActorSystem system) => ThreadRegistry.Get(system);

    /// <summary>Python's <c>threading.active_count()</c>: the main thread plus every thread started and not finished.</summary>
    /// <remarks>See <see cref="ThreadRegistry.ActiveCountAsync"/>.</remarks>
    public static Task<int> ActiveThreadCountAsync(this ActorSystem system) => ThreadRegistry.Get(system).ActiveCountAsync();

    /// <summary>Python's <c>threading.enumerate()</c>: the main thread, then every thread started and not finished.</summary>
    /// <remarks>See <see cref="ThreadRegistry.EnumerateAsync"/>.</remarks>
    public static Task<IReadOnlyList<ActorThread>> EnumerateThreadsAsync(this ActorSystem system) => ThreadRegistry.Get(system).EnumerateAsync();

    /// <summary>Python's <c>threading.current_thread()</c>: the thread running the caller, or the main thread.</summary>
    /// <remarks>See <see cref="ThreadRegistry.CurrentThread"/>.</remarks>
    public static ActorThread CurrentThread(this ActorSystem system) => ThreadRegistry.Get(system).CurrentThread;

    /// <summary>Python's <c>threading.main_thread()</c>.</summary>
    /// <remarks>See <see cref="ThreadRegistry.MainThread"/>.</remarks>
    public static ActorThread MainThread(this ActorSystem system) => ThreadRegistry.Get(system).MainThread;
}
