using Actors.Event;
using Actors.Lock;
using Actors.Semaphore;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 18 (信号量 糖果机): a candy machine whose tray is a <c>BoundedSemaphore(5)</c>. A vendor refills it (a
/// release, refused with <c>full, skipping</c> when the tray is full) and a customer buys (a non-blocking acquire,
/// refused with <c>Empty, skipping</c> when it is empty), each under one lock, at random intervals.
/// </summary>
/// <remarks>
/// <para>Python's <c>ValueError</c> on over-release is <see cref="SemaphoreFullException"/>; <c>acquire(False)</c> is
/// <see cref="ActorSemaphore.TryAcquireAsync()"/>. Each line also shows how many bars are left, read from the tray's
/// coordinator while the lock is held.</para>
/// <para>So that both refusals show on every run, the demo fixes two of the tutorial's random choices: the customer
/// starts only after the vendor's first refill (an <see cref="ActorEvent"/>), which meets a full tray; and the customer
/// tries to buy <c>nloops + MAX + 1</c> times (the top of the tutorial's range), more than the tray can ever supply.</para>
/// </remarks>
internal sealed class CandyDemo : IDemo
{
    private const int Max = 5;

    public int Number => 18;

    public string Name => "candy";

    public string Title => "a BoundedSemaphore(5) candy tray: refills past full and buys from empty are refused";

    public async Task RunAsync(DemoContext context)
    {
        var lockObj = ActorLock.Create(context.System, "lock");
        var candyTray = ActorSemaphore.CreateBounded(context.System, Max, "candytray");
        var firstRefillDone = ActorEvent.Create(context.System, "first-refill-done");

        async Task RefillAsync()
        {
            await using (await lockObj.LockAsync(context.Cancellation))
            {
                context.WriteLine("Refilling candy...");
                try
                {
                    var bars = await candyTray.ReleaseAsync();
                    context.WriteLine($"OK   (tray: {bars})");
                }
                catch (SemaphoreFullException)
                {
                    context.WriteLine($"full, skipping   (tray: {await candyTray.GetValueAsync()})");
                }
            }
        }

        async Task BuyAsync()
        {
            await using (await lockObj.LockAsync(context.Cancellation))
            {
                context.WriteLine("Buying candy...");
                var bought = await candyTray.TryAcquireAsync();
                var bars = await candyTray.GetValueAsync();
                context.WriteLine(bought ? $"OK   (tray: {bars})" : $"Empty, skipping   (tray: {bars})");
            }
        }

        var nloops = Random.Shared.Next(2, 6);
        var buys = nloops + Max + 1;
        context.WriteLine($"Starting at: {DateTime.Now:T}");
        context.WriteLine($"THE CANDY MACHINE (full with {Max} bars)!");
        context.WriteLine($"the vendor refills {nloops} times, the customer buys {buys} times");

        var consumer = Task.Run(async () =>
        {
            await firstRefillDone.WaitAsync(context.Cancellation);
            for (var i = 0; i < buys; i++)
            {
                await BuyAsync();
                await context.SleepAsync(Random.Shared.Next(3));
            }
        });
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < nloops; i++)
            {
                await RefillAsync();
                if (i == 0) await firstRefillDone.SetAsync();
                await context.SleepAsync(Random.Shared.Next(3));
            }
        });
        await Task.WhenAll(consumer, producer);
        context.WriteLine($"All done at: {DateTime.Now:T}");
    }
}
