using Actors.Condition;
using Actors.Owners;
using Actors.RLock;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 14 (条件锁): the tutorial only lists what a Condition does — <c>notify(n)</c> releases n waiting threads,
/// <c>wait_for(predicate)</c> waits until the predicate holds — so the demo shows both. Six waiters are released by
/// <c>notify(1)</c>, <c>notify(2)</c> and <c>notify(3)</c>; then two waiters <c>wait_for</c> a counter to reach 2 and 4
/// while a producer counts up and notifies all.
/// </summary>
/// <remarks>
/// As in Python, a Condition is used with its lock held; here the lock is a re-entrant lock coordinator (Python's
/// default) and every participant has its own <see cref="ActorOwner"/>, since the owner, not the thread, holds the lock.
/// Nothing relies on timing: the main program uses <c>wait_for</c> on a second condition of the same lock to know that
/// all six wait before it notifies, and that the woken ones have printed before it notifies again.
/// </remarks>
internal sealed class ConditionDemo : IDemo
{
    private static readonly int[] Batches = [1, 2, 3];
    private static readonly (string Name, int Threshold)[] Watchers = [("A", 2), ("B", 4)];
    private const int Increments = 5;

    public int Number => 14;

    public string Name => "condition";

    public string Title => "notify(n) releases waiters exactly n at a time; wait_for returns once its predicate holds";

    public async Task RunAsync(DemoContext context)
    {
        await NotifyInBatchesAsync(context);
        await WaitForCounterAsync(context);
    }

    /// <summary><c>notify(n)</c>: six waiters on the condition "go", released 1, 2 and 3 at a time.</summary>
    private static async Task NotifyInBatchesAsync(DemoContext context)
    {
        var waiterCount = Batches.Sum();
        context.WriteLine($"notify(n): {waiterCount} waiters wait on one condition; main notifies {string.Join(", then ", Batches)}");
        var coordinator = ActorRLock.CreateCoordinator(context.System, "notify-lock");
        var waiting = 0;
        var released = 0;

        var waiters = Enumerable.Range(0, waiterCount).Select(w => Task.Run(async () =>
        {
            await using var owner = ActorOwner.Create(context.System, $"w{w}");
            var rlock = new ActorRLock(coordinator, owner.Ref);
            var go = ActorCondition.For(rlock, "go");
            var changed = ActorCondition.For(rlock, "changed");
            await using (await rlock.LockAsync(context.Cancellation))
            {
                waiting++;
                context.WriteLine($"  w{w} waits");
                await changed.NotifyAsync();
                await go.WaitAsync(context.Cancellation);
                released++;
                context.WriteLine($"  w{w} released");
                await changed.NotifyAsync();
            }
        })).ToList();

        await using var mainOwner = ActorOwner.Create(context.System, "main");
        var mainLock = new ActorRLock(coordinator, mainOwner.Ref);
        var mainGo = ActorCondition.For(mainLock, "go");
        var mainChanged = ActorCondition.For(mainLock, "changed");
        await using (await mainLock.LockAsync(context.Cancellation))
        {
            // Each waiter counts itself and waits without letting go of the lock in between, so once the count is
            // complete, every waiter really waits.
            await mainChanged.WaitForAsync(() => waiting == waiterCount, Timeout.InfiniteTimeSpan, context.Cancellation);
            context.WriteLine($"all {waiterCount} wait");
            foreach (var n in Batches)
            {
                var woken = await mainGo.NotifyAsync(n);
                context.WriteLine($"notify({n}) woke {woken}");
                var expected = released + woken;
                await mainChanged.WaitForAsync(() => released == expected, Timeout.InfiniteTimeSpan, context.Cancellation);
            }

            var lost = await mainGo.NotifyAsync(1);
            context.WriteLine($"notify(1) with nobody waiting woke {lost}: the notify is lost, as in Python");
        }

        await Task.WhenAll(waiters);
    }

    /// <summary><c>wait_for(predicate)</c>: A waits for counter &gt;= 2, B for counter &gt;= 4, while a producer counts to 5.</summary>
    private static async Task WaitForCounterAsync(DemoContext context)
    {
        context.WriteLine($"wait_for: {string.Join(", ", Watchers.Select(w => $"{w.Name} waits for counter >= {w.Threshold}"))}; " +
                          $"a producer adds 1 to counter {Increments} times and notifies all each time");
        var coordinator = ActorRLock.CreateCoordinator(context.System, "wait-for-lock");
        var counter = 0;

        var watchers = Watchers.Select(watcher => Task.Run(async () =>
        {
            await using var owner = ActorOwner.Create(context.System, watcher.Name);
            var rlock = new ActorRLock(coordinator, owner.Ref);
            var counted = ActorCondition.For(rlock, "counted");
            await using (await rlock.LockAsync(context.Cancellation))
            {
                await counted.WaitForAsync(() =>
                {
                    var holds = counter >= watcher.Threshold;
                    context.WriteLine($"  {watcher.Name} checks counter >= {watcher.Threshold} at counter = {counter}: {(holds ? "True" : "False")}");
                    return holds;
                }, Timeout.InfiniteTimeSpan, context.Cancellation);
                context.WriteLine($"  {watcher.Name}: wait_for returned at counter = {counter}");
            }
        })).ToList();

        await using var producerOwner = ActorOwner.Create(context.System, "producer");
        var producerLock = new ActorRLock(coordinator, producerOwner.Ref);
        var producerCounted = ActorCondition.For(producerLock, "counted");
        for (var i = 0; i < Increments; i++)
        {
            await context.SleepAsync(0.5);
            await using (await producerLock.LockAsync(context.Cancellation))
            {
                counter++;
                context.WriteLine($"producer: counter = {counter}, notify_all");
                await producerCounted.NotifyAllAsync();
            }
        }

        await Task.WhenAll(watchers);
    }
}
