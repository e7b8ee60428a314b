using Actors.Executor;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>
/// Executor against Task.Run: one job at a time (latency), 100,000 jobs submitted then awaited (throughput), and
/// Map over 100,000 items.
/// </summary>
/// <remarks>
/// The Map peer is Task.Run over the same chunks, yielded in order through an async iterator: the same shape of work
/// as Map (one job per chunk, every chunk started at once, each result yielded through IAsyncEnumerable in the items'
/// order), so the pair compares the executor with the thread pool rather than one API or partitioning scheme with
/// another. Parallel.For would block the caller, partition by itself and yield nothing until the end, which Map
/// (Python's <c>map</c>, an iterator of ordered results) does not.
/// </remarks>
[MemoryDiagnoser]
public class ExecutorBenchmarks
{
    private const int Jobs = 200;
    private const int ManyJobs = 100_000;
    private const int MapChunk = 1_000;
    private static readonly int[] Items = Enumerable.Range(0, ManyJobs).ToArray();
    private ActorSystem _system = null!;
    private ActorExecutor _executor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("executor");
        _executor = ActorExecutor.Create(_system);
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Jobs, Description = "facade submit + await result")]
    public async Task<int> SubmitAwait()
    {
        var sum = 0;
        for (var i = 0; i < Jobs; i++)
        {
            var n = i;
            sum += await _executor.Submit(() => n + 1);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Jobs, Description = "peer: Task.Run + await")]
    public async Task<int> TaskRunAwait()
    {
        var sum = 0;
        for (var i = 0; i < Jobs; i++)
        {
            var n = i;
            sum += await Task.Run(() => n + 1);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ManyJobs, Description = "facade submit 100,000 then await all")]
    public async Task<int> SubmitManyAwaitAll()
    {
        var jobs = new Task<int>[ManyJobs];
        for (var i = 0; i < ManyJobs; i++)
        {
            var n = i;
            jobs[i] = _executor.Submit(() => n + 1).AsTask();
        }
        return (await Task.WhenAll(jobs)).Length;
    }

    [Benchmark(OperationsPerInvoke = ManyJobs, Description = "peer: Task.Run 100,000 then WhenAll")]
    public async Task<int> TaskRunManyWhenAll()
    {
        var jobs = new Task<int>[ManyJobs];
        for (var i = 0; i < ManyJobs; i++)
        {
            var n = i;
            jobs[i] = Task.Run(() => n + 1);
        }
        return (await Task.WhenAll(jobs)).Length;
    }

    [Benchmark(OperationsPerInvoke = ManyJobs, Description = "facade Map 100,000 items, chunk 1,000")]
    public async Task<long> Map()
    {
        long sum = 0;
        await foreach (var result in _executor.Map(n => n + 1, Items, chunkSize: MapChunk)) sum += result;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ManyJobs, Description = "peer: Task.Run per 1,000-item chunk, yielded in order")]
    public async Task<long> TaskRunChunks()
    {
        long sum = 0;
        await foreach (var result in TaskRunMap(n => n + 1, Items, MapChunk)) sum += result;
        return sum;
    }

    /// <summary>Map's shape on the thread pool: every chunk started at once, results yielded in the items' order.</summary>
    private static async IAsyncEnumerable<TResult> TaskRunMap<TSource, TResult>(Func<TSource, TResult> function, IEnumerable<TSource> items, int chunkSize)
    {
        var chunks = items.Chunk(chunkSize).Select(chunk => Task.Run(() => Array.ConvertAll(chunk, item => function(item)))).ToList();
        foreach (var chunk in chunks)
            foreach (var result in await chunk) yield return result;
    }
}
