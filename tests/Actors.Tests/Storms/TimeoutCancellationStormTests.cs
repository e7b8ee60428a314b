using Actors.Lock;
using Actors.Semaphore;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>
/// Acquires with timeouts of 0 to a few milliseconds and random cancellations racing the grants. Whatever wins each
/// race, afterwards nothing may be lost: the lock is free and every permit is back, as the coordinator reports.
/// </summary>
public sealed class TimeoutCancellationStormTests : CoordinatorTestKit
{
    private const int Workers = 32;
    private const int AttemptsPerWorker = 320;

    private readonly ITestOutputHelper _output;

    public TimeoutCancellationStormTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task Lock_TimeoutsAndCancellationsRaceGrants_LockEndsFreeWithNoWaiter()
    {
        var subject = ActorLock.Create(Sys);
        var inside = 0;
        var violations = 0;

        var outcomes = await RunStormAsync(async (random, timeout, token) =>
        {
            if (!await subject.TryAcquireAsync(timeout, token)) return Outcome.TimedOut;
            if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref violations);
            if (random.Next(4) == 0) await Task.Yield();
            Interlocked.Decrement(ref inside);
            await subject.ReleaseAsync();
            return Outcome.Acquired;
        });

        Assert.Equal(0, violations);
        var state = await subject.GetStateAsync();
        Assert.Equal((false, 0), (state.Locked, state.Waiting));
        Report(outcomes);
    }

    [Fact]
    public async Task Semaphore_TimeoutsAndCancellationsRaceGrants_EveryPermitComesBack()
    {
        const int permits = 3;
        var subject = ActorSemaphore.CreateBounded(Sys, permits);
        var inside = 0;
        var violations = 0;

        var outcomes = await RunStormAsync(async (random, timeout, token) =>
        {
            if (!await subject.TryAcquireAsync(timeout, token)) return Outcome.TimedOut;
            if (Interlocked.Increment(ref inside) > permits) Interlocked.Increment(ref violations);
            if (random.Next(4) == 0) await Task.Yield();
            Interlocked.Decrement(ref inside);
            await subject.ReleaseAsync();
            return Outcome.Acquired;
        });

        Assert.Equal(0, violations);
        var state = await subject.GetStateAsync();
        Assert.Equal((permits, 0, 0), (state.Value, state.Waiting, state.HeldByOwners));
        Report(outcomes);
    }

    private async Task<Dictionary<Outcome, int>> RunStormAsync(Func<Random, TimeSpan, CancellationToken, Task<Outcome>> attempt)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, Workers).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            var outcomes = new List<Outcome>(AttemptsPerWorker);
            await start.Task;
            for (var i = 0; i < AttemptsPerWorker; i++)
            {
                var timeout = TimeSpan.FromMilliseconds(random.Next(0, 5));
                using var cancellation = new CancellationTokenSource();
                switch (random.Next(3))
                {
                    case 0:
                        cancellation.CancelAfter(random.Next(0, 4));
                        break;
                    case 1:
                        _ = Task.Run(cancellation.Cancel);
                        break;
                }

                try
                {
                    outcomes.Add(await attempt(random, timeout, cancellation.Token));
                }
                catch (OperationCanceledException)
                {
                    outcomes.Add(Outcome.Cancelled);
                }
            }

            return outcomes;
        })).ToList();

        start.SetResult();
        var all = (await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3))).SelectMany(o => o).ToList();
        Assert.Equal(Workers * AttemptsPerWorker, all.Count);
        Assert.True(all.Count >= 10_000);
        return all.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
    }

    private void Report(Dictionary<Outcome, int> outcomes) =>
        _output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));

    private enum Outcome
    {
        Acquired,
        TimedOut,
        Cancelled,
    }
}
