using Actors.Executor;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Jobs of uneven length through an executor of four workers: one job in eight blocks for a millisecond (as a page
/// download or the tutorial's <c>time.sleep</c> would), the other seven return at once. With jobs tied to a worker when
/// submitted (round-robin), every long job lands on the same worker and the short jobs queued behind them wait; with
/// one work queue that idle workers pull from, the long jobs spread over all four.
/// </summary>
/// <remarks>The peer is <c>Task.Run</c> for every job, awaited together: the thread pool's own work queue.</remarks>
[MemoryDiagnoser]
public class ExecutorUnevenJobsBenchmarks
{
    private const int Workers = 4;
    private const int Jobs = 400;
    private const int OneLongIn = 8;
    private static readonly TimeSpan LongJob = TimeSpan.FromMilliseconds(1);
    private ActorSystem _system = null!;
    private ActorExecutor _executor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("executor-uneven");
        _executor = ActorExecutor.Create(_system, new ExecutorOptions { MaxWorkers = Workers });
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    /// <summary>Job <paramref name="n"/>: every eighth blocks for <see cref="LongJob"/>, the others return at once.</summary>
    private static int Job(int n)
    {
        if (n % OneLongIn == 0) Thread.Sleep(LongJob);
        return n;
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "facade submit 400 jobs, 1 long : 7 short, 4 workers, await all")]
    public async Task<int> SubmitUnevenAwaitAll()
    {
        var jobs = new Task<int>[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            var n = i;
            jobs[i] = _executor.Submit(() => Job(n)).AsTask();
        }
        return (await Task.WhenAll(jobs)).Length;
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "peer: Task.Run 400 jobs, 1 long : 7 short, WhenAll")]
    public async Task<int> TaskRunUnevenWhenAll()
    {
        var jobs = new Task<int>[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            var n = i;
            jobs[i] = Task.Run(() => Job(n));
        }
        return (await Task.WhenAll(jobs)).Length;
    }
}
