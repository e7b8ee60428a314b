using System.Diagnostics;
using System.Globalization;
using Actors.Barrier;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 25 (threading 对象表: Barrier, "创建一个障碍，必须达到指定数量线程才开始运行"): parties wait at a barrier
/// coordinator until all have arrived, then leave together, each with its arrival index. A time-out or an
/// <c>abort()</c> breaks the barrier for every party waiting at it, and for later arrivals until <c>reset()</c>.
/// </summary>
/// <remarks>
/// The tutorial only names the Barrier in its table of threading objects; the demo shows what the table says, with
/// Python's semantics: <c>wait()</c> returns the arrival index, <c>wait(timeout)</c> timing out breaks the barrier for
/// all, and Python's <c>BrokenBarrierError</c> is <see cref="BrokenBarrierException"/>.
/// </remarks>
internal sealed class BarrierDemo : IDemo
{
    private const int Parties = 3;

    public int Number => 25;

    public string Name => "barrier";

    public string Title => "parties wait until all have arrived, then leave together; a time-out or abort() breaks it for all";

    public async Task RunAsync(DemoContext context)
    {
        await AllArriveAsync(context);
        await TimeOutAsync(context);
        await AbortAsync(context);
    }

    /// <summary>Three parties arrive a second apart; the action runs when the last comes, then all three leave.</summary>
    private static async Task AllArriveAsync(DemoContext context)
    {
        context.WriteLine($"Barrier({Parties}): the parties arrive one second apart");
        var clock = new Clock(context);
        var barrier = ActorBarrier.Create(context.System, Parties, action: () =>
        {
            context.WriteLine($"  action: all {Parties} parties are here, the barrier opens {clock}");
            return Task.CompletedTask;
        });

        async Task Party(int n)
        {
            await context.SleepAsync(n + 1);
            context.WriteLine($"  party {n} arrives {clock}");
            var index = await barrier.WaitAsync(context.Cancellation);
            context.WriteLine($"  party {n} leaves with arrival index {index} {clock}");
        }

        await Task.WhenAll(Enumerable.Range(0, Parties).Select(Party));
    }

    /// <summary>Only two parties come, one with <c>wait(timeout=2)</c>: its time-out breaks the barrier for both.</summary>
    private static async Task TimeOutAsync(DemoContext context)
    {
        context.WriteLine($"Barrier({Parties}): only two parties come, and party 0 waits with timeout=2 " +
                          "(a broken barrier raises BrokenBarrierException, Python's BrokenBarrierError)");
        var clock = new Clock(context);
        var barrier = ActorBarrier.Create(context.System, Parties);

        await Task.WhenAll(Party(context, barrier, clock, 0, context.Seconds(2)), Party(context, barrier, clock, 1));
        context.WriteLine($"  broken: {(await barrier.GetStateAsync()).IsBroken}");
        context.WriteLine("  a late party finds it broken at once:");
        await Party(context, barrier, clock, 2);
    }

    /// <summary>Two parties wait; the main program aborts the barrier, then resets it and a full round passes again.</summary>
    private static async Task AbortAsync(DemoContext context)
    {
        context.WriteLine($"Barrier({Parties}): two parties wait, and the main program calls abort() after one second");
        var clock = new Clock(context);
        var barrier = ActorBarrier.Create(context.System, Parties);

        var waiting = Task.WhenAll(Party(context, barrier, clock, 0), Party(context, barrier, clock, 1));
        await context.SleepAsync(1);
        context.WriteLine($"  main: abort() {clock}");
        await barrier.AbortAsync();
        await waiting;

        await barrier.ResetAsync();
        context.WriteLine($"  main: reset(); broken: {(await barrier.GetStateAsync()).IsBroken}; a full round passes again:");
        await Task.WhenAll(Enumerable.Range(0, Parties).Select(n => Party(context, barrier, clock, n)));
    }

    /// <summary>A party that arrives now and reports how it leaves: with its index, or finding the barrier broken.</summary>
    private static async Task Party(DemoContext context, ActorBarrier barrier, Clock clock, int n, TimeSpan? timeout = null)
    {
        context.WriteLine($"  party {n} arrives{(timeout is null ? "" : ", wait(timeout=2)")} {clock}");
        try
        {
            var index = timeout is { } t ? await barrier.WaitAsync(t, context.Cancellation) : await barrier.WaitAsync(context.Cancellation);
            context.WriteLine($"  party {n} leaves with arrival index {index} {clock}");
        }
        catch (BrokenBarrierException)
        {
            context.WriteLine($"  party {n}: BrokenBarrierException {clock}");
        }
    }

    /// <summary>Tutorial time since the clock was made, printed as <c>(t = 1.0 s)</c>.</summary>
    private sealed class Clock(DemoContext context)
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"(t = {_stopwatch.Elapsed.TotalSeconds / context.Settings.TimeScale:0.0} s)");
    }
}
