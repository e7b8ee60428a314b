using System.Collections.Concurrent;
using Actors.Tests.Threads;
using Actors.Timer;

namespace Actors.Tests.Timer;

/// <summary>Cancels racing the firing: whatever the interleaving, a timer's function runs once exactly when it fired.</summary>
public sealed class TimerRaceTests : ThreadTestKit
{
    private const int Timers = 200;

    [Fact]
    public async Task CancelAsync_RacingTheFiring_FunctionRanExactlyWhenItSaysItFired()
    {
        var calls = new int[Timers];
        var random = new Random(1234);
        var timers = Enumerable.Range(0, Timers)
            .Select(i => new ActorTimer(Sys, TimeSpan.FromMilliseconds(random.Next(0, 60)), () => Interlocked.Increment(ref calls[i])))
            .ToList();
        // Each cancel waits for a pacer, another timer of random interval, so that cancels land around the firings.
        var pacers = Enumerable.Range(0, Timers).Select(_ => new ActorTimer(Sys, TimeSpan.FromMilliseconds(random.Next(0, 30)), () => { })).ToList();
        var gate = NewGate();
        var outcomes = new ConcurrentDictionary<int, bool>();
        var racers = Enumerable.Range(0, Timers).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            timers[i].Start();
            pacers[i].Start();
            await pacers[i].JoinAsync();
            outcomes[i] = await timers[i].CancelAsync();
        })).ToList();
        gate.SetResult();
        await Task.WhenAll(racers).WaitAsync(Patience);
        await Task.WhenAll(timers.Select(t => t.JoinAsync())).WaitAsync(Patience);

        for (var i = 0; i < Timers; i++) Assert.Equal(outcomes[i] ? 0 : 1, Volatile.Read(ref calls[i]));
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public async Task StartAndCancelAsync_OnTwoThreadsAtOnce_ZeroInterval_TheAnswerMatchesWhetherTheFunctionRan()
    {
        const int pairs = 10_000;
        var calls = new int[pairs];
        var timers = Enumerable.Range(0, pairs).Select(i => new ActorTimer(Sys, TimeSpan.Zero, () => Interlocked.Increment(ref calls[i]))).ToList();
        var neverFires = new bool[pairs];

        // In rounds, so that starts and cancels really meet, each pair released by a gate of its own.
        for (var round = 0; round < pairs; round += 100)
        {
            var racers = Enumerable.Range(round, 100).SelectMany(i =>
            {
                var gate = NewGate();
                var starting = Task.Run(async () =>
                {
                    await gate.Task;
                    timers[i].Start();
                });
                var cancelling = Task.Run(async () =>
                {
                    await gate.Task;
                    neverFires[i] = await timers[i].CancelAsync();
                });
                gate.SetResult();
                return new[] { starting, cancelling };
            }).ToList();
            await Task.WhenAll(racers).WaitAsync(Patience);
        }

        await Task.WhenAll(timers.Select(t => t.JoinAsync())).WaitAsync(Patience);
        for (var i = 0; i < pairs; i++) Assert.Equal(neverFires[i] ? 0 : 1, Volatile.Read(ref calls[i]));
        Assert.Contains(true, neverFires);
    }
}
