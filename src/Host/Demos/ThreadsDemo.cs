using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 1 (普通创建方式): two threads made from a function with an argument, <c>Thread(target=run, args=('t1',))</c>,
/// each counting down with one-second sleeps. They run side by side: both <c>task</c> lines first, then the countdowns
/// interleaved, and the whole takes about one countdown, not two.
/// </summary>
/// <remarks>
/// The tutorial's main program only starts the threads; its interpreter then waits for them at exit. Here the main
/// program waits the same way, with <see cref="ThreadRegistry.WaitForNonDaemonThreadsAsync(CancellationToken)"/>, so
/// that it can print the elapsed time. The threads step in lockstep (see <see cref="Countdown"/>).
/// </remarks>
internal sealed class ThreadsDemo : IDemo
{
    public int Number => 1;

    public string Name => "threads";

    public string Title => "two threads from a function with an argument count down side by side";

    public async Task RunAsync(DemoContext context)
    {
        using var countdown = new Countdown(context, threads: 2);
        var t1 = new ActorThread(context.System, (args, ct) => countdown.Run((string)args[0]!, ct), args: ["t1"], name: "t1");
        var t2 = new ActorThread(context.System, (args, ct) => countdown.Run((string)args[0]!, ct), args: ["t2"], name: "t2");
        t1.Start();
        t2.Start();

        // What Python's interpreter does at exit: wait until no non-daemon thread is alive.
        await ThreadRegistry.Get(context.System).WaitForNonDaemonThreadsAsync(context.Cancellation);
        countdown.PrintElapsed();
    }
}
