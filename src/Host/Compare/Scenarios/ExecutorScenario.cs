using System.Diagnostics;
using Actors.Executor;
using Akka.Actor;
using Akka.Routing;

namespace Actors.Host.Compare.Scenarios;

/// <summary>
/// (6) An executor mapping many jobs: many tiny ones (the cost is all coordination), a few CPU-bound ones (the cost is
/// all work), or uneven ones, one in eight blocking for a while (what counts is that no job waits behind a long one
/// while a worker is idle). Each job's result is checked.
/// </summary>
internal sealed class ExecutorScenario(ExecutorLoad load) : IScenario
{
    public string Name => load switch
    {
        ExecutorLoad.CpuBound => "executor-cpu",
        ExecutorLoad.Uneven => "executor-uneven",
        _ => "executor-map",
    };

    public string Title => load switch
    {
        ExecutorLoad.CpuBound => "executor running CPU-bound jobs (prime counting)",
        ExecutorLoad.Uneven => "executor running uneven jobs (1 blocking : 7 tiny, 4 workers)",
        _ => "executor mapping many small jobs",
    };

    public string Unit => "job";
    public string? LatencyMeaning => null;
    public IReadOnlyList<Way> Ways => [Way.SharedMemory, Way.Coordinator, Way.ActorNative];

    private int Jobs(CompareSizes sizes) => load switch
    {
        ExecutorLoad.CpuBound => sizes.CpuJobs,
        ExecutorLoad.Uneven => sizes.UnevenJobs,
        _ => sizes.SmallJobs,
    };

    /// <summary>The executor's and the native pool's worker count: the uneven run fixes it, the others take the default.</summary>
    private static int? Workers(ExecutorLoad load, CompareSizes sizes) => load == ExecutorLoad.Uneven ? sizes.UnevenWorkers : null;

    /// <summary>Job i's function: tiny arithmetic, counting primes by trial division, or (one in eight) blocking first.</summary>
    private Func<int, long> Function(CompareSizes sizes) => load switch
    {
        ExecutorLoad.CpuBound => _ => CountPrimes(sizes.CpuPrimeBound),
        ExecutorLoad.Uneven => i =>
        {
            if (i % 8 == 0) Thread.Sleep(sizes.LongJob);
            return SmallJob(i);
        },
        _ => SmallJob,
    };

    private static long SmallJob(int i) => (long)i * i % 1_000_003;

    public static long CountPrimes(int below)
    {
        long count = 0;
        for (var n = 2; n < below; n++)
        {
            var prime = true;
            for (var d = 2; d * d <= n; d++)
                if (n % d == 0) { prime = false; break; }
            if (prime) count++;
        }
        return count;
    }

    private static readonly Dictionary<int, long> PrimeCounts = [];

    /// <summary>What every result must add up to, computed apart from the timed runs.</summary>
    private long Expected(CompareSizes sizes)
    {
        if (load != ExecutorLoad.CpuBound) return Enumerable.Range(0, Jobs(sizes)).Sum(SmallJob);
        lock (PrimeCounts)
        {
            if (!PrimeCounts.TryGetValue(sizes.CpuPrimeBound, out var count)) PrimeCounts[sizes.CpuPrimeBound] = count = CountPrimes(sizes.CpuPrimeBound);
            return count * sizes.CpuJobs;
        }
    }

    public async Task<RunOutcome> RunAsync(Way way, ScenarioContext context)
    {
        var sizes = context.Sizes;
        var expected = Expected(sizes);
        var function = Function(sizes);
        var workers = Workers(load, sizes);
        var clock = Stopwatch.StartNew();
        var (results, total) = way switch
        {
            Way.SharedMemory => await SharedAsync(function, Jobs(sizes)),
            Way.Coordinator => await CoordinatorAsync(context, function, Jobs(sizes), workers),
            _ => await NativeAsync(context, function, Jobs(sizes), workers),
        };
        var elapsed = clock.Elapsed;
        return new RunOutcome(Jobs(sizes), elapsed, results == Jobs(sizes) && total == expected,
            $"{results} of {Jobs(sizes)} results, sum {(total == expected ? "as expected" : $"{total}, expected {expected}")}", []);
    }

    private static async Task<(int, long)> SharedAsync(Func<int, long> function, int jobs)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => Task.Run(() => function(i))));
        return (results.Length, results.Sum());
    }

    private static async Task<(int, long)> CoordinatorAsync(ScenarioContext context, Func<int, long> function, int jobs, int? workers)
    {
        await using var executor = ActorExecutor.Create(context.System, new ExecutorOptions { MaxWorkers = workers });
        var (count, total) = (0, 0L);
        await foreach (var result in executor.Map(function, Enumerable.Range(0, jobs)).WithCancellation(context.Cancellation))
        {
            count++;
            total += result;
        }
        return (count, total);
    }

    /// <summary>
    /// A round-robin pool of worker actors, one per core unless the run fixes the count (then on Akka's dispatcher for
    /// blocking work, since those jobs block); results come back as messages to a collector actor.
    /// </summary>
    private static async Task<(int, long)> NativeAsync(ScenarioContext context, Func<int, long> function, int jobs, int? workers)
    {
        var done = new TaskCompletionSource<(int, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var collector = context.System.ActorOf(Props.Create(() => new Collector(jobs, done)));
        var worker = Props.Create(() => new Worker(function));
        if (workers is not null) worker = worker.WithDispatcher("akka.actor.default-blocking-io-dispatcher");
        var pool = context.System.ActorOf(worker.WithRouter(new RoundRobinPool(workers ?? Environment.ProcessorCount)));
        try
        {
            for (var i = 0; i < jobs; i++) pool.Tell(new Job(i), collector);
            return await done.Task;
        }
        finally
        {
            context.System.Stop(pool);
            context.System.Stop(collector);
        }
    }

    private sealed record Job(int Input);
    private sealed record Result(long Value);

    private sealed class Worker : ReceiveActor
    {
        public Worker(Func<int, long> function) => Receive<Job>(job => Sender.Tell(new Result(function(job.Input))));
    }

    private sealed class Collector : ReceiveActor
    {
        private int _count;
        private long _total;

        public Collector(int jobs, TaskCompletionSource<(int, long)> done)
        {
            if (jobs == 0) done.TrySetResult((0, 0));
            Receive<Result>(result =>
            {
                _total += result.Value;
                if (++_count == jobs) done.TrySetResult((_count, _total));
            });
        }
    }
}
