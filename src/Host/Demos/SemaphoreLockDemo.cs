using Actors.Lock;
using Actors.Semaphore;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 13 (信号锁): five workers pass a <c>BoundedSemaphore(2)</c> gate, at most two at a time, where each sleeps
/// two seconds and prints <c>lock start</c>; then each adds its number to <c>num</c> under a plain lock. num ends at 10.
/// </summary>
/// <remarks>
/// The demo counts the workers inside the gate, prints the count on each <c>lock start</c> line and the peak at
/// the end. Both primitives are used as Python's <c>with</c>: <c>await using (await ...EnterAsync / LockAsync)</c>.
/// </remarks>
internal sealed class SemaphoreLockDemo : IDemo
{
    private const int Workers = 5;
    private const int GateWidth = 2;

    public int Number => 13;

    public string Name => "semaphore-lock";

    public string Title => "a BoundedSemaphore(2) gate lets 2 in at a time, a lock guards num += i; num ends at 10";

    public async Task RunAsync(DemoContext context)
    {
        var gate = ActorSemaphore.CreateBounded(context.System, GateWidth, "gate");
        var lock2 = ActorLock.Create(context.System, "lock2");
        var inGate = new ConcurrencyGauge();
        var num = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
        {
            await using (await gate.EnterAsync(context.Cancellation))
            {
                inGate.Enter();
                await context.SleepAsync(2);
                context.WriteLine($"lock start ... {i}   ({inGate.Inside} inside the gate)");
                inGate.Leave();
            }

            await using (await lock2.LockAsync(context.Cancellation))
            {
                await context.SleepAsync(0.5);
                num += i;
                context.WriteLine($"num += {i} -> {num}");
            }
        })));

        context.WriteLine($"at most {inGate.Peak} inside the gate at once (its width is {GateWidth}); final num = {num}");
    }
}
