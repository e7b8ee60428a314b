using Actors.Barrier;
using Actors.Owners;

namespace Actors.Tests.Barrier;

/// <summary>The barrier used from async code through <see cref="ActorBarrier"/>.</summary>
public sealed class BarrierFacadeTests : CoordinatorTestKit
{
    [Fact]
    public async Task WaitAsync_FivePartiesThreeRounds_EachRoundAPermutationAndEveryPartySeesTheAction()
    {
        const int parties = 5, rounds = 3;
        var actionRuns = 0;
        var barrier = ActorBarrier.Create(Sys, parties, () =>
        {
            Interlocked.Increment(ref actionRuns);
            return Task.CompletedTask;
        });

        var results = await RunPartiesAsync(barrier, parties, rounds, () => Volatile.Read(ref actionRuns));

        AssertRoundsArePermutations(results, parties, rounds);
        Assert.Equal(rounds, Volatile.Read(ref actionRuns));
    }

    [Fact]
    public async Task WaitAsync_LastPartyMissing_NobodyReturns()
    {
        var barrier = ActorBarrier.Create(Sys, 3);
        var first = barrier.WaitAsync();
        var second = barrier.WaitAsync();
        await Waiters.AwaitAsync(this, barrier, 2);
        Assert.False(first.IsCompleted || second.IsCompleted);

        var last = await barrier.WaitAsync().WaitAsync(Patience);
        Assert.Equal(2, last);
        Assert.Equal(new[] { 0, 1 }, (await Task.WhenAll(first, second).WaitAsync(Patience)).Order());
    }

    [Fact]
    public async Task AbortAsync_WithWaiters_TheyAndLaterWaitsThrowBroken()
    {
        var barrier = ActorBarrier.Create(Sys, 3);
        var waits = new[] { barrier.WaitAsync(), barrier.WaitAsync() };
        await Waiters.AwaitAsync(this, barrier, 2);

        await barrier.AbortAsync();

        foreach (var wait in waits) await Assert.ThrowsAsync<BrokenBarrierException>(() => wait.WaitAsync(Patience));
        await Assert.ThrowsAsync<BrokenBarrierException>(() => barrier.WaitAsync());
        Assert.True((await barrier.GetStateAsync()).IsBroken);
    }

    [Fact]
    public async Task ResetAsync_WithWaiters_TheyThrowBrokenThenAFullRoundPasses()
    {
        var barrier = ActorBarrier.Create(Sys, 3);
        var waits = new[] { barrier.WaitAsync(), barrier.WaitAsync() };
        await Waiters.AwaitAsync(this, barrier, 2);

        await barrier.ResetAsync();

        foreach (var wait in waits) await Assert.ThrowsAsync<BrokenBarrierException>(() => wait.WaitAsync(Patience));
        var state = await barrier.GetStateAsync();
        Assert.Equal((false, 0), (state.IsBroken, state.Waiting));
        var round = await Task.WhenAll(barrier.WaitAsync(), barrier.WaitAsync(), barrier.WaitAsync()).WaitAsync(Patience);
        Assert.Equal(new[] { 0, 1, 2 }, round.Order());
    }

    [Fact]
    public async Task ResetAsync_AfterAbort_BarrierWorksAgain()
    {
        var barrier = ActorBarrier.Create(Sys, 2);
        await barrier.AbortAsync();
        await Assert.ThrowsAsync<BrokenBarrierException>(() => barrier.WaitAsync());
        await barrier.ResetAsync();
        var round = await Task.WhenAll(barrier.WaitAsync(), barrier.WaitAsync()).WaitAsync(Patience);
        Assert.Equal(new[] { 0, 1 }, round.Order());
    }

    [Fact]
    public async Task WaitAsync_OneTimesOut_AllWaitersThrowBroken()
    {
        var barrier = ActorBarrier.Create(Sys, 3);
        var patient = barrier.WaitAsync();
        await Waiters.AwaitAsync(this, barrier, 1);

        await Assert.ThrowsAsync<BrokenBarrierException>(() => barrier.WaitAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        await Assert.ThrowsAsync<BrokenBarrierException>(() => patient.WaitAsync(Patience));
        Assert.True((await barrier.GetStateAsync()).IsBroken);
    }

    [Fact]
    public async Task WaitAsync_DefaultTimeoutPasses_ThrowsBroken()
    {
        var barrier = ActorBarrier.Create(Sys, 2, defaultTimeout: TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<BrokenBarrierException>(() => barrier.WaitAsync().WaitAsync(Patience));
        Assert.True((await barrier.GetStateAsync()).IsBroken);
    }

    [Fact]
    public async Task WaitAsync_InfiniteTimeout_OutlivesTheDefaultTimeout()
    {
        var barrier = ActorBarrier.Create(Sys, 2, defaultTimeout: TimeSpan.FromMilliseconds(50));
        var first = barrier.WaitAsync(Timeout.InfiniteTimeSpan);
        await Assert.ThrowsAsync<TimeoutException>(() => first.WaitAsync(TimeSpan.FromMilliseconds(300)));

        var second = await barrier.WaitAsync(Timeout.InfiniteTimeSpan).WaitAsync(Patience);
        Assert.Equal((0, 1), (await first.WaitAsync(Patience), second));
    }

    [Fact]
    public async Task WaitAsync_ActionThrows_CompletingPartyGetsItsExceptionOthersBroken()
    {
        var failure = new InvalidOperationException("the action failed");
        var barrier = ActorBarrier.Create(Sys, 3, () => Task.FromException(failure));
        var early = new[] { barrier.WaitAsync(), barrier.WaitAsync() };
        await Waiters.AwaitAsync(this, barrier, 2);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => barrier.WaitAsync().WaitAsync(Patience));

        Assert.Same(failure, thrown);
        foreach (var wait in early) await Assert.ThrowsAsync<BrokenBarrierException>(() => wait.WaitAsync(Patience));
        Assert.True((await barrier.GetStateAsync()).IsBroken);
    }

    [Fact]
    public async Task WaitAsync_ArrivingWhileActionRuns_WaitsForTheNextRound()
    {
        var action = new GatedAction();
        var barrier = ActorBarrier.Create(Sys, 2, action.RunAsync);
        var round0 = new[] { barrier.WaitAsync(), barrier.WaitAsync() };
        await action.Started.Task.WaitAsync(Patience);
        var late = barrier.WaitAsync();
        await AwaitAssertAsync(async () =>
        {
            var s = await barrier.GetStateAsync();
            Assert.Equal((1, true), (s.Waiting, s.Releasing));
        }, Patience);
        Assert.False(round0.Any(t => t.IsCompleted) || late.IsCompleted);

        action.Gate.SetResult();
        Assert.Equal(new[] { 0, 1 }, (await Task.WhenAll(round0).WaitAsync(Patience)).Order());
        var state = await barrier.GetStateAsync();
        Assert.Equal((1, false, 1L), (state.Waiting, state.Releasing, state.Round));
        Assert.False(late.IsCompleted);

        var last = await barrier.WaitAsync().WaitAsync(Patience);
        Assert.Equal((0, 1), (await late.WaitAsync(Patience), last));
        Assert.Equal(2, action.Runs);
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_WithdrawsTheArrivalAndBarrierStaysWhole()
    {
        var barrier = ActorBarrier.Create(Sys, 3);
        using var cancellation = new CancellationTokenSource();
        var cancelled = barrier.WaitAsync(cancellation.Token);
        var staying = barrier.WaitAsync();
        await Waiters.AwaitAsync(this, barrier, 2);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        var state = await barrier.GetStateAsync();
        Assert.Equal((1, false), (state.Waiting, state.IsBroken));
        var rest = await Task.WhenAll(barrier.WaitAsync(), barrier.WaitAsync()).WaitAsync(Patience);
        Assert.Equal(0, await staying.WaitAsync(Patience));
        Assert.Equal(new[] { 1, 2 }, rest.Order());
    }

    [Fact]
    public async Task WaitAsync_AlreadyCancelledToken_ThrowsWithoutArriving()
    {
        var barrier = ActorBarrier.Create(Sys, 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => barrier.WaitAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => barrier.WaitAsync(TimeSpan.FromSeconds(5), cancelled.Token));
        var state = await barrier.GetStateAsync();
        Assert.Equal((0, false), (state.Waiting, state.IsBroken));
    }

    [Fact]
    public async Task WaitAsync_OwnerDisposed_WithdrawsItsArrival()
    {
        var barrier = ActorBarrier.Create(Sys, 2);
        var owner = ActorOwner.Create(Sys);
        var orphan = barrier.WithOwner(owner.Ref).WaitAsync();
        await Waiters.AwaitAsync(this, barrier, 1);

        await owner.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => orphan.WaitAsync(Patience));
        var state = await barrier.GetStateAsync();
        Assert.Equal((0, false), (state.Waiting, state.IsBroken));
        var round = await Task.WhenAll(barrier.WaitAsync(), barrier.WaitAsync()).WaitAsync(Patience);
        Assert.Equal(new[] { 0, 1 }, round.Order());
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-5000)]
    public async Task WaitAsync_NegativeTimeout_ThrowsArgumentOutOfRangeWithoutArriving(int milliseconds)
    {
        var barrier = ActorBarrier.Create(Sys, 2);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => barrier.WaitAsync(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(0, (await barrier.GetStateAsync()).Waiting);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Props_PartiesBelowOne_ThrowsArgumentOutOfRange(int parties)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorBarrier.Props(parties));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorBarrier.Create(Sys, parties));
    }

    [Fact]
    public void Props_NegativeDefaultTimeout_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorBarrier.Props(2, defaultTimeout: TimeSpan.FromMilliseconds(-2)));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorBarrier(null!));
        Assert.Throws<ArgumentNullException>(() => ActorBarrier.Create(null!, 2));
        Assert.Throws<ArgumentNullException>(() => ActorBarrier.Create(Sys, 2).WithOwner(null!));
    }

    [Fact]
    public async Task GetStateAsync_Fresh_ReportsPartiesAndNothingElse()
    {
        var state = await ActorBarrier.Create(Sys, 4).GetStateAsync();
        Assert.Equal((4, 0, false, 0L, false), (state.Parties, state.Waiting, state.IsBroken, state.Round, state.Releasing));
    }

    [Fact]
    public async Task Facade_StoppedCoordinator_FailsWaitingCallWithObjectDisposed()
    {
        var barrier = ActorBarrier.Create(Sys, 2);
        var waiting = barrier.WaitAsync();
        await Waiters.AwaitAsync(this, barrier, 1);
        Sys.Stop(barrier.Coordinator);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Storm_EightPartiesThousandRounds_EveryRoundAPermutationAndActionRanOncePerRound()
    {
        const int parties = 8, rounds = 1_000;
        var actionRuns = 0;
        var barrier = ActorBarrier.Create(Sys, parties, async () =>
        {
            await Task.Yield();
            Interlocked.Increment(ref actionRuns);
        });

        var results = await RunPartiesAsync(barrier, parties, rounds, () => Volatile.Read(ref actionRuns));

        AssertRoundsArePermutations(results, parties, rounds);
        Assert.Equal(rounds, Volatile.Read(ref actionRuns));
        var state = await barrier.GetStateAsync();
        Assert.Equal((0, false, (long)rounds), (state.Waiting, state.IsBroken, state.Round));
    }

    /// <summary>
    /// Runs <paramref name="parties"/> async parties that each wait <paramref name="rounds"/> times, released together.
    /// A party's k-th wait can only belong to round k (it cannot arrive again before its round completed), so the result
    /// is, per party and round, the index and what <paramref name="observe"/> returned right after the wait.
    /// </summary>
    private static async Task<(int Index, int Observed)[][]> RunPartiesAsync(ActorBarrier barrier, int parties, int rounds, Func<int> observe)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, parties).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var mine = new (int, int)[rounds];
            for (var round = 0; round < rounds; round++)
            {
                var index = await barrier.WaitAsync();
                mine[round] = (index, observe());
            }

            return mine;
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));
    }

    /// <summary>Every round's indices are 0..parties-1, and every party saw the round's action already run (exactly once per round).</summary>
    private static void AssertRoundsArePermutations((int Index, int Observed)[][] results, int parties, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var r = round;
            Assert.Equal(Enumerable.Range(0, parties), results.Select(p => p[r].Index).Order());
            Assert.All(results, p => Assert.Equal(r + 1, p[r].Observed));
        }
    }
}
