using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 22 (concurrent.futures 范例 3): <c>as_completed</c> hands the main program each future as soon as it is
/// done, so it reports test 2, 3 and 4 in the order they finish, not the order they were submitted (3, 2, 4).
/// </summary>
internal sealed class AsCompletedDemo : IDemo
{
    private static readonly int[] Ns = [3, 2, 4];

    public int Number => 22;

    public string Name => "as-completed";

    public string Title => "as_completed yields futures as they finish: in main 2, 3, 4 for jobs submitted as 3, 2, 4";

    public async Task RunAsync(DemoContext context)
    {
        var order = new SleepOrder(context, Ns.Select(n => (double)n));

        int Test(int times)
        {
            order.Sleep(times);
            context.WriteLine($"test {times}s finished");
            return times;
        }

        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = 2 });
        var allTask = Ns.Select(n => order.Track(n, executor.Submit(() => Test(n)))).ToList();

        await foreach (var future in ActorFutures.AsCompleted(allTask))
        {
            // as_completed yields untyped futures; these are the ActorFuture<int> of allTask.
            var data = await future.ResultAsync();
            context.WriteLine($"in main: test {data}s success");
        }
    }
}
