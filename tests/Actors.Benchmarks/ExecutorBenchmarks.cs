using Actors.Executor;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>Executor: submit one job and await its result, against Task.Run.</summary>
[MemoryDiagnoser]
public class ExecutorBenchmarks
{
    private const int Jobs = 200;
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
}
