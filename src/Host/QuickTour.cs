using Actors.Event;
using Actors.Lock;
using Actors.Owners;
using Actors.RLock;
using Actors.Semaphore;
using Akka.Actor;

namespace Actors.Host;

/// <summary>A short run of every primitive that exists, each checked against what Python would print.</summary>
internal static class QuickTour
{
    public static readonly string[] Primitives =
    [
        "Lock              Actors.Lock.ActorLock            (threading.Lock)",
        "RLock             Actors.RLock.ActorRLock          (threading.RLock)",
        "Semaphore         Actors.Semaphore.ActorSemaphore  (threading.Semaphore)",
        "BoundedSemaphore  ActorSemaphore.CreateBounded     (threading.BoundedSemaphore)",
        "Event             Actors.Event.ActorEvent          (threading.Event)",
    ];

    public static async Task<bool> RunAsync(ActorSystem system, TextWriter output)
    {
        var results = new[]
        {
            await MutexAsync(system, output),
            await RLockAsync(system, output),
            await SemaphoreAsync(system, output),
            await EventAsync(system, output),
        };
        var ok = results.All(r => r);
        output.WriteLine(ok ? "all checks passed" : "SOME CHECKS FAILED");
        return ok;
    }

    /// <summary>The tutorial's mutex: 100 workers each do <c>temp = n; n = temp - 1</c> under one lock.</summary>
    private static async Task<bool> MutexAsync(ActorSystem system, TextWriter output)
    {
        var mutex = ActorLock.Create(system, "mutex");
        var n = 100;
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            await using (await mutex.LockAsync())
            {
                var temp = n;
                await Task.Yield();
                n = temp - 1;
            }
        })));
        return Check(output, "Lock: 100 workers decrement n from 100 under the lock", n == 0, $"n = {n}");
    }

    /// <summary>An owner takes an RLock three times and releases it three times.</summary>
    private static async Task<bool> RLockAsync(ActorSystem system, TextWriter output)
    {
        await using var owner = ActorOwner.Create(system, "rlock-owner");
        var rlock = new ActorRLock(ActorRLock.CreateCoordinator(system, "rlock"), owner.Ref);
        var depths = new List<int>();
        for (var i = 0; i < 3; i++) depths.Add(await rlock.AcquireAsync());
        for (var i = 0; i < 3; i++) depths.Add(await rlock.ReleaseAsync());
        return Check(output, "RLock: acquire x3, release x3", depths.SequenceEqual([1, 2, 3, 2, 1, 0]), string.Join(",", depths));
    }

    /// <summary>22 workers through a BoundedSemaphore(5): never more than 5 inside.</summary>
    private static async Task<bool> SemaphoreAsync(ActorSystem system, TextWriter output)
    {
        var gate = ActorSemaphore.CreateBounded(system, 5, "gate");
        var inside = 0;
        var peak = 0;
        await Task.WhenAll(Enumerable.Range(0, 22).Select(_ => Task.Run(async () =>
        {
            await using (await gate.EnterAsync())
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref peak, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })));
        var overRelease = false;
        try
        {
            await gate.ReleaseAsync();
        }
        catch (SemaphoreFullException)
        {
            overRelease = true;
        }

        return Check(output, "BoundedSemaphore(5): 22 workers, then one release too many", peak <= 5 && overRelease,
            $"peak inside = {peak}, over-release refused = {overRelease}");
    }

    /// <summary>Ten waiters released by one set.</summary>
    private static async Task<bool> EventAsync(ActorSystem system, TextWriter output)
    {
        var ev = ActorEvent.Create(system, "event");
        var waiters = Enumerable.Range(0, 10).Select(_ => ev.WaitAsync(TimeSpan.FromSeconds(10))).ToList();
        while ((await ev.GetStateAsync()).Waiting < 10) await Task.Yield();
        var woken = await ev.SetAsync();
        var all = await Task.WhenAll(waiters);
        return Check(output, "Event: 10 waiters, one set", woken == 10 && all.All(x => x), $"woken = {woken}");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static bool Check(TextWriter output, string what, bool ok, string detail)
    {
        output.WriteLine($"[{(ok ? " ok " : "FAIL")}] {what}: {detail}");
        return ok;
    }
}
