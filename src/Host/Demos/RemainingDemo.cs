using Actors.Lock;
using Actors.Threads;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 17 (同步 锁 / 上下文管理): three to six threads, each sleeping two to four seconds; a lock guards the shared
/// set of names still running. Each thread adds its name when it starts and removes it when it completes, printing the
/// names that remain (<c>NONE</c> for the last). The main program only starts them; at exit, once they have all ended,
/// an exit hook prints <c>all DONE</c> (Python's <c>@atexit.register</c>).
/// </summary>
/// <remarks>
/// <para><c>with lock:</c> is <c>await using (await lk.LockAsync(...))</c> on an actor lock. The exit hook is a
/// coordinated-shutdown task in the phase <c>service-unbind</c>, which runs after the phase
/// <c>before-service-unbind</c>, where the thread registry waits for the non-daemon threads: the order of Python's exit,
/// which joins the threads before it calls the <c>atexit</c> handlers.</para>
/// <para>No order is forced: the lock makes each "remaining" line true whatever order the threads end in, and the
/// last to end always sees <c>NONE</c>.</para>
/// </remarks>
internal sealed class RemainingDemo : IDemo
{
    public int Number => 17;

    public string Name => "remaining";

    public string Title => "a lock guards the set of running thread names; each completion prints those left, then an exit hook says all DONE";

    public Task RunAsync(DemoContext context)
    {
        var lk = ActorLock.Create(context.System, "lock");
        var remaining = new SortedSet<string>(StringComparer.Ordinal);
        var loops = Enumerable.Range(0, Random.Shared.Next(3, 7)).Select(_ => Random.Shared.Next(2, 5)).ToList();
        context.WriteLine($"{loops.Count} threads, sleeping {string.Join(", ", loops)} s");

        async Task Loop(object?[] args, CancellationToken ct)
        {
            var nsec = (int)args[0]!;
            var myname = context.System.CurrentThread().Name;
            await using (await lk.LockAsync(ct))
            {
                remaining.Add(myname);
                context.WriteLine($"[{Now()}] Started {myname}");
            }

            await Task.Delay(context.Seconds(nsec), ct);
            await using (await lk.LockAsync(ct))
            {
                remaining.Remove(myname);
                context.WriteLine($"[{Now()}] Completed {myname} ({nsec} secs)");
                context.WriteLine($"    (remaining: {(remaining.Count > 0 ? string.Join(", ", remaining) : "NONE")})");
            }
        }

        CoordinatedShutdown.Get(context.System).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "atexit", () =>
        {
            context.WriteLine($"all DONE at: {Now()}");
            return Task.FromResult(Akka.Done.Instance);
        });

        foreach (var pause in loops) new ActorThread(context.System, Loop, args: [pause]).Start();
        return Task.CompletedTask;
    }

    private static string Now() => DateTime.Now.ToString("HH:mm:ss.fff");
}
