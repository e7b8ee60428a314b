using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks;

/// <summary>The floor every coordinator is judged against: a Tell round trip between two actors, and an Ask round trip.</summary>
[MemoryDiagnoser]
public class RawMessagingBenchmarks
{
    private const int Cycles = 1_000;
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private IActorRef _driver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = Systems.Create("raw");
        _echo = _system.ActorOf(Props.Create<Echo>());
        _driver = _system.ActorOf(Props.Create<CycleDriver>());
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Cycles, Description = "Tell round trip actor<->actor")]
    public Task TellRoundTrip()
    {
        var left = Cycles;
        return CycleDriver.RunAsync(_driver, _echo, (_, _) => left-- > 0 ? "ping" : null);
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "Ask round trip to echo")]
    public async Task AskRoundTrip()
    {
        for (var i = 0; i < Cycles; i++) await _echo.Ask<object>("ping", TimeSpan.FromSeconds(10));
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "Ask round trip to echo, no timeout")]
    public async Task AskInfiniteRoundTrip()
    {
        for (var i = 0; i < Cycles; i++) await _echo.Ask<object>("ping", Timeout.InfiniteTimeSpan);
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "reply promise round trip to echo")]
    public async Task PromiseRoundTrip()
    {
        for (var i = 0; i < Cycles; i++) await Actors.Internal.ReplyPromise.TrySend(_echo, "ping")!;
    }

    [Benchmark(OperationsPerInvoke = Cycles, Description = "reply promise round trip to echo, WaitAsync backstop")]
    public async Task PromiseWaitAsyncRoundTrip()
    {
        for (var i = 0; i < Cycles; i++) await Actors.Internal.ReplyPromise.TrySend(_echo, "ping")!.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
