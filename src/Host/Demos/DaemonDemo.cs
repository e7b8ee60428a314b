using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 3 (守护线程): a daemon thread prints <c>task t1</c> and starts counting down; the main program prints
/// <c>end</c> and ends, and the daemon thread is abandoned with it: no countdown line follows <c>end</c>.
/// </summary>
/// <remarks>
/// <para>The demo returns right after <c>end</c>; the host then shuts its actor system down, and coordinated shutdown
/// abandons the daemon thread, cancelling its token, instead of waiting for it (Python kills it at exit). The body
/// sleeps on that token, so it stops there.</para>
/// <para>Two things the tutorial leaves to timing are made certain. The main program prints <c>end</c> only once the
/// thread has printed <c>task t1</c> (Python's thread usually wins that race). And Python's exit is instant, where a
/// shutdown takes some milliseconds, longer than a scaled second at a fast time scale: so printing <c>end</c> and
/// marking the program as ended happen under one lock, and a daemon that wakes after that point does not print but
/// waits for its token, as if it had been killed at exit.</para>
/// </remarks>
internal sealed class DaemonDemo : IDemo
{
    public int Number => 3;

    public string Name => "daemon";

    public string Title => "a daemon thread is abandoned when the main program ends: task t1, end, and no countdown after it";

    public async Task RunAsync(DemoContext context)
    {
        var exit = new object();
        var ended = false;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void Run(object?[] args, CancellationToken ct)
        {
            context.WriteLine($"task {args[0]}");
            started.TrySetResult();
            foreach (var step in new[] { "3s", "2s", "1s" })
            {
                if (ct.WaitHandle.WaitOne(context.Seconds(1))) return;
                lock (exit)
                {
                    if (!ended)
                    {
                        context.WriteLine(step);
                        continue;
                    }
                }

                // The main program has ended: the process is exiting, and this thread goes with it.
                ct.WaitHandle.WaitOne();
                return;
            }
        }

        var t = new ActorThread(context.System, Run, args: ["t1"], name: "t1") { Daemon = true };
        t.Start();
        await started.Task.WaitAsync(context.Cancellation);
        lock (exit)
        {
            context.WriteLine("end");
            ended = true;
        }
    }
}
