using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Actors.Executor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 15 (GIL): under CPython's GIL, threads do not speed up CPU-bound work, only I/O-bound work. On .NET the
/// executor's worker actors run on threads of their own with no global lock, so CPU-bound jobs speed up until the
/// cores are busy, and I/O-bound jobs (here sleeps) until every worker is busy. The demo measures both, side by side.
/// </summary>
/// <remarks>
/// Each worker count runs <see cref="JobsPerWorker"/> jobs per worker, all of the same length, and the speed-up is its
/// throughput divided by the throughput of one worker. Each throughput is the best of <see cref="Runs"/> runs, so that
/// a moment of load from elsewhere on the machine does not show as a speed-up or a slow-down. A CPU-bound job is a
/// loop calibrated to last <see cref="JobSeconds"/> of scaled time on one core; an I/O-bound job sleeps for as long.
/// </remarks>
internal sealed class GilDemo : IDemo
{
    private const double JobSeconds = 0.25;
    private const int JobsPerWorker = 2;
    private const int Runs = 3;

    public int Number => 15;

    public string Name => "gil";

    public string Title => "no GIL here: CPU-bound jobs speed up to the core count, I/O-bound jobs to the worker count";

    public async Task RunAsync(DemoContext context)
    {
        var cores = Environment.ProcessorCount;
        var workerCounts = new[] { 1, cores, 2 * cores, 4 * cores }.Distinct().Order().ToList();
        var jobLength = context.Seconds(JobSeconds);
        var iterations = CalibrateSpin(jobLength);

        var ms = jobLength.TotalMilliseconds;
        Print(context, $"cores: {cores}; jobs of {ms:0} ms (CPU-bound: a loop, I/O-bound: a sleep), {JobsPerWorker} per worker, best of {Runs} runs");
        context.WriteLine("workers  CPU-bound speed-up  I/O-bound speed-up");
        double? cpuBase = null, ioBase = null;
        double bestCpu = 0, bestIo = 0;
        foreach (var workers in workerCounts)
        {
            var cpu = await ThroughputAsync(context, workers, () => Spin(iterations));
            var io = await ThroughputAsync(context, workers, () =>
            {
                Thread.Sleep(jobLength);
                return 0UL;
            });
            cpuBase ??= cpu;
            ioBase ??= io;
            var cpuSpeedUp = cpu / cpuBase.Value;
            var ioSpeedUp = io / ioBase.Value;
            bestCpu = Math.Max(bestCpu, cpuSpeedUp);
            bestIo = Math.Max(bestIo, ioSpeedUp);
            Print(context, $"{workers,7}  {cpuSpeedUp,17:0.00}x  {ioSpeedUp,17:0.00}x");
        }

        Print(context, $"CPU-bound: best {bestCpu:0.00}x with {cores} cores; I/O-bound: best {bestIo:0.00}x with up to {workerCounts[^1]} workers.");
        if (bestCpu < 0.75 * Math.Min(cores, workerCounts[^1]))
            context.WriteLine("(The CPU-bound speed-up is well below the core count: other processes are probably keeping the cores busy.)");
        context.WriteLine("Under CPython's GIL the CPU-bound column would stay near 1.00x; the I/O-bound one would look the same.");
    }

    /// <summary>Numbers with a dot whatever the machine's culture, so that the table reads (and parses) the same everywhere.</summary>
    private static void Print(DemoContext context, FormattableString line) => context.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Jobs per second of <paramref name="workers"/> workers running <see cref="JobsPerWorker"/> jobs each: the best of
    /// <see cref="Runs"/> runs.
    /// </summary>
    private static async Task<double> ThroughputAsync(DemoContext context, int workers, Func<ulong> job)
    {
        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = workers });

        // One empty job per worker first, so that every worker's thread is up before the clock starts.
        await ActorFutures.WaitAsync(Enumerable.Range(0, workers).Select(_ => executor.Submit(() => 0UL)).ToList(),
            cancellationToken: context.Cancellation);

        var jobs = workers * JobsPerWorker;
        var best = 0.0;
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var futures = Enumerable.Range(0, jobs).Select(_ => executor.Submit(job)).ToList();
            await ActorFutures.WaitAsync(futures, cancellationToken: context.Cancellation);
            var elapsed = clock.Elapsed;
            foreach (var future in futures) await future; // rethrows a job's failure, if any
            best = Math.Max(best, jobs / elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>The number of <see cref="Spin"/> iterations that lasts about <paramref name="length"/> on one core.</summary>
    private static long CalibrateSpin(TimeSpan length)
    {
        var minimum = TimeSpan.FromMilliseconds(Math.Min(20, Math.Max(1, length.TotalMilliseconds)));
        long iterations = 1 << 16;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            Spin(iterations);
            var elapsed = clock.Elapsed;
            if (elapsed >= minimum) return Math.Max(1, (long)(iterations * (length / elapsed)));
            iterations *= 2;
        }
    }

    /// <summary>CPU-bound work that the JIT cannot skip: a xorshift generator run <paramref name="iterations"/> times.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static ulong Spin(long iterations)
    {
        var x = 88172645463325252UL;
        for (var i = 0L; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return x;
    }
}
