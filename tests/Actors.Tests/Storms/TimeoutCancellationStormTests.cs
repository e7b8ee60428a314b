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

        await RunStormAsync(subject.TryAcquireAsync, subject.ReleaseAsync, capacity: 1);

        var state = await subject.GetStateAsync();
        Assert.Equal((false, 0), (state.Locked, state.Waiting));
    }

    [Fact]
    public async Task Semaphore_TimeoutsAndCancellationsRaceGrants_EveryPermitComesBack()
    {
        const int permits = 3;
        var subject = ActorSemaphore.CreateBounded(Sys, permits);

        await RunStormAsync(subject.TryAcquireAsync, () => subject.ReleaseAsync(), capacity: permits);

        var state = await subject.GetStateAsync();
        Assert.Equal((permits, 0, 0), (state.Value, state.Waiting, state.HeldByOwners));
    }

    /// <summary>
    /// Runs every worker's attempts: acquire with a random timeout and maybe a racing cancellation; when granted,
    /// check that at most <paramref name="capacity"/> are inside, and release.
    /// </summary>
    private async Task RunStormAsync(Func<TimeSpan, CancellationToken, Task<bool>> tryAcquire, Func<Task> release, int capacity)
    {
        var inside = 0;
        var violations = 0;

        async Task<Outcome> AttemptAsync(Random random, TimeSpan timeout, CancellationToken token)
        {
            if (!await tryAcquire(timeout, token)) return Outcome.TimedOut;
            if (Interlocked.Increment(ref inside) > capacity) Interlocked.Increment(ref violations);
            if (random.Next(4) == 0) await Task.Yield();
            Interlocked.Decrement(ref inside);
            await release();
            return Outcome.Acquired;
        }

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
                    outcomes.Add(await AttemptAsync(random, timeout, cancellation.Token));
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
        Assert.Equal(0, violations);
        _output.WriteLine(string.Join(", ", all.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
    }

    private enum Outcome
    {
        Acquired,
        TimedOut,
        Cancelled,
    }
}
