using Actors.Lock;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 10 (补充：互斥锁 with): five workers print <c>lock start</c>, then under <c>with lock:</c> add their number
/// to <c>num</c> and print it, then print <c>lock end</c>. The sums come out 0, 1, 3, 6, 10, as in the tutorial's output.
/// </summary>
/// <remarks>
/// <c>with lock:</c> is <c>await using (await mutex.LockAsync(...))</c>. The workers are started one after the other
/// from one loop, and each sends its acquire before it first awaits, so the requests reach the lock in the order
/// 0..4; the lock serves its waiters first come, first served, which makes the tutorial's order certain (Python's
/// threads only usually come in that order). The tutorial's lock is an RLock; nobody re-enters it, so a plain lock
/// behaves the same.
/// </remarks>
internal sealed class WithLockDemo : IDemo
{
    private const int Workers = 5;

    public int Number => 10;

    public string Name => "with-lock";

    public string Title => "with lock: guards num += i for i in 0..4; the running sums 0, 1, 3, 6, 10";

    public async Task RunAsync(DemoContext context)
    {
        var mutex = ActorLock.Create(context.System, "lock");
        var num = 0;

        async Task SumNumAsync(int i)
        {
            context.WriteLine($"lock start ... {i}");
            await using (await mutex.LockAsync(context.Cancellation))
            {
                await context.SleepAsync(0.5);
                num += i;
                context.WriteLine($"num += {i} -> {num}");
            }

            context.WriteLine($"lock end ... {i}");
        }

        var workers = new List<Task>();
        for (var i = 0; i < Workers; i++) workers.Add(SumNumAsync(i));
        await Task.WhenAll(workers);
        context.WriteLine($"final num = {num}");
    }
}
