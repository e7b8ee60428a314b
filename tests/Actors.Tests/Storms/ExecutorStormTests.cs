using Actors.Executor;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>Cancellations racing the workers' starts: every job is either cancelled and never run, or run exactly once.</summary>
public sealed class ExecutorStormTests : CoordinatorTestKit
{
    private const int Jobs = 20_000;
    private readonly ITestOutputHelper _output;

    public ExecutorStormTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task Executor_CancelsRaceStarts_EachJobCancelledOrRunExactlyOnce()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 4 });
        var runs = new int[Jobs];
        var callbacks = new int[Jobs];
        var futures = new ActorFuture<int>[Jobs];
        var cancelled = new bool[Jobs];
        var random = new Random(11);

        for (var i = 0; i < Jobs; i++)
        {
            var n = i;
            futures[n] = executor.Submit(() =>
            {
                Interlocked.Increment(ref runs[n]);
                return n * 2;
            });
            futures[n].AddDoneCallback(_ => Interlocked.Increment(ref callbacks[n]));
            var lag = random.Next(1, 2_000);
            if (random.Next(3) == 0 && n >= lag) cancelled[n - lag] = futures[n - lag].Cancel();
        }

        var all = await ActorFutures.WaitAsync(futures, TimeSpan.FromMinutes(2));
        Assert.Empty(all.NotDone);
        await AwaitAssertAsync(() => Assert.All(callbacks, c => Assert.Equal(1, c)), Patience);
        for (var i = 0; i < Jobs; i++)
        {
            Assert.Equal(cancelled[i], futures[i].IsCancelled);
            if (futures[i].IsCancelled) Assert.Equal(0, runs[i]);
            else
            {
                Assert.Equal(1, runs[i]);
                Assert.Equal(i * 2, await futures[i]);
            }
        }

        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
        _output.WriteLine($"{cancelled.Count(c => c)} of {Jobs} cancelled before they ran, {runs.Sum()} ran");
    }
}
