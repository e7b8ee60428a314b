using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 20 (concurrent.futures 范例 1): <c>submit</c> returns a future at once, so <c>done()</c> is False right
/// after it; four seconds later both jobs have finished, <c>done()</c> is True and <c>result()</c> is 3.
/// </summary>
internal sealed class ExecutorSubmitDemo : IDemo
{
    public int Number => 20;

    public string Name => "executor-submit";

    public string Title => "submit returns a future at once: done() False, then True once the job has finished; result() 3";

    public async Task RunAsync(DemoContext context)
    {
        var order = new SleepOrder(context, [3, 2]);

        // The tutorial's test(times): sleep, say so, return the argument.
        int Test(int times)
        {
            order.Sleep(times);
            context.WriteLine($"test {times}s finished");
            return times;
        }

        // The tutorial writes max_worker=2; it means max_workers.
        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = 2 });

        // submit sends the job to a worker actor and returns its future without waiting.
        var task1 = order.Track(3, executor.Submit(() => Test(3)));
        var task2 = order.Track(2, executor.Submit(() => Test(2)));

        context.WriteLine(task1.IsDone.ToString());
        await order.SleepAsync(4);
        context.WriteLine(task1.IsDone.ToString());

        context.WriteLine((await task1.ResultAsync()).ToString());
        await task2;
    }
}
