using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 4 (主线程等待子线程结束): the daemon thread of scenario 3, but the main program joins it before it prints
/// <c>end</c>: the whole countdown comes out, then <c>end</c> last.
/// </summary>
internal sealed class JoinDemo : IDemo
{
    public int Number => 4;

    public string Name => "join";

    public string Title => "the main program joins a daemon thread: the whole countdown, then end";

    public async Task RunAsync(DemoContext context)
    {
        var t = new ActorThread(context.System, (args, ct) =>
        {
            context.WriteLine($"task {args[0]}");
            foreach (var step in new[] { "5s", "3s", "1s" })
            {
                if (ct.WaitHandle.WaitOne(context.Seconds(2))) return;
                context.WriteLine(step);
            }
        }, args: ["t1"], name: "t1");
        t.Daemon = true; // t.setDaemon(True): before start(), or it throws, as Python's does
        t.Start();
        await t.JoinAsync(context.Cancellation);
        context.WriteLine($"joined {t.Name}: daemon {t.Daemon}, alive {t.IsAlive}");
        context.WriteLine("end");
    }
}
