using Actors.Semaphore;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 8 (信号量 BoundedSemaphore): 22 workers share a <c>BoundedSemaphore(5)</c>; each holds a permit for three
/// seconds and prints its name, so at most five run at once; then the main program prints <c>all threads done</c>.
/// </summary>
/// <remarks>
/// The demo counts the workers inside and prints the peak next to the bound. The tutorial's busy loop
/// <c>while threading.active_count() != 1: pass</c> becomes an await of all the workers.
/// </remarks>
internal sealed class SemaphoreDemo : IDemo
{
    private const int Workers = 22;
    private const int Bound = 5;

    public int Number => 8;

    public string Name => "semaphore";

    public string Title => "22 workers, a BoundedSemaphore(5): never more than 5 inside, the peak printed";

    public async Task RunAsync(DemoContext context)
    {
        var semaphore = ActorSemaphore.CreateBounded(context.System, Bound, "semaphore");
        var gauge = new ConcurrencyGauge();
        var runs = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
        {
            await semaphore.AcquireAsync(context.Cancellation);
            try
            {
                gauge.Enter();
                await context.SleepAsync(3);
                context.WriteLine($"run the thread: t-{i}   ({gauge.Inside} inside)");
                Interlocked.Increment(ref runs);
                gauge.Leave();
            }
            finally
            {
                await semaphore.ReleaseAsync();
            }
        })));

        context.WriteLine($"{runs} runs; at most {gauge.Peak} inside at once (the bound is {Bound})");
        context.WriteLine("-------all threads done--------");
    }
}
