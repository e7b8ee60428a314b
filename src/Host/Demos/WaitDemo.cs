using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 23 (concurrent.futures 范例 4): <c>wait(all_task, return_when=ALL_COMPLETED)</c> returns only when every
/// job has finished, so <c>main</c> comes after the three <c>finished</c> lines.
/// </summary>
internal sealed class WaitDemo : IDemo
{
    private static readonly int[] Ns = [3, 2, 4];

    public int Number => 23;

    public string Name => "wait";

    public string Title => "wait(ALL_COMPLETED) returns once every job has finished: three 'finished' lines, then main";

    public async Task RunAsync(DemoContext context)
    {
        var order = new SleepOrder(context, Ns.Select(n => (double)n));

        int Test(int times)
        {
            order.Sleep(times);
            context.WriteLine($"get page {times}s finished");
            return times;
        }

        // max_worker=2 in the tutorial: max_workers.
        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = 2 });
        var allTask = Ns.Select(n => order.Track(n, executor.Submit(() => Test(n)))).ToList();

        await ActorFutures.WaitAsync(allTask, returnWhen: ReturnWhen.AllCompleted);
        context.WriteLine("main");
    }
}
