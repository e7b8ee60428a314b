using Actors.Lock;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 6 (互斥锁): 100 workers each do <c>temp = n; sleep; n = temp - 1</c> under one lock, so n ends at 0.
/// With <c>--unsafe</c> the same runs on shared memory without the lock, and the lost updates show.
/// </summary>
internal sealed class MutexDemo : IDemo
{
    private const int Workers = 100;

    public int Number => 6;

    public string Name => "mutex";

    public string Title => "100 workers decrement n under one lock; --unsafe shows the lost updates without it";

    public DemoVariants Variants => DemoVariants.Unsafe;

    public async Task RunAsync(DemoContext context)
    {
        var mutex = ActorLock.Create(context.System, "mutex");
        var guarded = await DecrementAsync(context, async work =>
        {
            await using (await mutex.LockAsync(context.Cancellation)) await work();
        });
        context.WriteLine($"with the lock: n = {guarded}");

        if (!context.Settings.Unsafe) return;
        var unguarded = await DecrementAsync(context, work => work());
        context.WriteLine($"without the lock (--unsafe): n = {unguarded}, {unguarded} of {Workers} updates lost");
    }

    /// <summary>The tutorial's work function, run by every worker through <paramref name="guard"/>; returns the final n.</summary>
    private static async Task<int> DecrementAsync(DemoContext context, Func<Func<Task>, Task> guard)
    {
        var n = Workers;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => guard(async () =>
        {
            var temp = n;
            await context.SleepAsync(0.1);
            n = temp - 1;
        }))));
        return n;
    }
}
