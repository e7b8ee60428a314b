using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 21 (concurrent.futures 范例 2): <c>map</c> runs test(3), test(2), test(4) on two workers; they finish in
/// the order 2, 3, 4, but the results come back in the order of the inputs: 3, 2, 4.
/// </summary>
internal sealed class ExecutorMapDemo : IDemo
{
    private static readonly int[] Ns = [3, 2, 4];

    public int Number => 21;

    public string Name => "executor-map";

    public string Title => "map yields results in input order (3, 2, 4) although the jobs finish in the order 2, 3, 4";

    public async Task RunAsync(DemoContext context)
    {
        var order = new SleepOrder(context, Ns.Select(n => (double)n));

        int Test(int times)
        {
            try
            {
                order.Sleep(times);
                context.WriteLine($"test {times}s finished");
                return times;
            }
            finally
            {
                order.Finished(times);
            }
        }

        // max_worker=2 in the tutorial: max_workers. Round-robin gives 3 and 4 to one worker, 2 to the other.
        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = 2 });
        await foreach (var data in executor.Map(Test, Ns)) context.WriteLine($"test {data}s success");
    }
}
