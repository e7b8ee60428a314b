using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>
/// The coordinator's count of jobs in flight, which workers report in batches, and its list of jobs that may not have
/// started: shutdown(wait), cancel_futures and a broken pool must see every accepted job, whatever the batching.
/// </summary>
public sealed class InFlightTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task ShutdownWait_ManyAcceptedJobs_CompletesOnlyWhenEveryJobIsDone()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 3 });
        var gated = Enumerable.Range(1, 3).Select(n => executor.Submit(() => _gates.Run(n))).ToList();
        var quick = Enumerable.Range(0, 1_000).Select(n => executor.Submit(() => n)).ToList();
        await AwaitAssertAsync(() => Assert.Equal(3, _gates.Started.Count), Patience);

        var shutdown = executor.ShutdownAsync(wait: true);
        foreach (var n in Enumerable.Range(1, 3)) _gates.Open(n);
        await shutdown.WaitAsync(Patience);

        Assert.All(gated.Concat(quick), f => Assert.Equal(FutureState.Finished, f.State));
        Assert.Equal(0, (await executor.GetStateAsync()).InFlight);
    }

    [Fact]
    public async Task WorkerCrash_JobsItFinishedBeforeAreStillCounted_ShutdownWaitCompletes()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var before = Enumerable.Range(0, 50).Select(n => executor.Submit(() => n)).ToList();
        var crashing = executor.Submit(() => Crash());
        var after = Enumerable.Range(0, 50).Select(n => executor.Submit(() => n)).ToList();

        await Assert.ThrowsAsync<ThreadInterruptedException>(() => crashing.ResultAsync(Patience));
        await Task.WhenAll(before.Concat(after).Select(f => f.AsTask())).WaitAsync(Patience);
        await executor.ShutdownAsync(wait: true).WaitAsync(Patience);
        Assert.Equal(0, (await executor.GetStateAsync()).InFlight);
    }

    [Fact]
    public async Task ShutdownCancelFutures_ManyQueuedSomeCancelledEarlier_CancelsEveryJobNotStarted()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var blocker = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(blocker.IsRunning), Patience);
        var ran = 0;
        var queued = new List<ActorFuture<int>>();
        for (var i = 0; i < 500; i++)
        {
            queued.Add(executor.Submit(() => Interlocked.Increment(ref ran)));
            if (i % 3 == 0) Assert.True(queued[i].Cancel());
        }

        var shutdown = executor.ShutdownAsync(wait: true, cancelFutures: true);
        await AwaitAssertAsync(() => Assert.All(queued, f => Assert.True(f.IsCancelled)), Patience);
        _gates.Open(1);
        await shutdown.WaitAsync(Patience);
        Assert.Equal(1, await blocker);
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task BrokenPool_ManyQueuedBehindTheFailingInitializer_FailsEveryOne()
    {
        var initializerGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions
        {
            MaxWorkers = 1,
            Initializer = () =>
            {
                initializerGate.Task.Wait(Patience);
                throw new InvalidDataException("no config");
            },
        });
        var futures = Enumerable.Range(0, 300).Select(n => executor.Submit(() => n)).ToList();
        await AwaitAssertAsync(async () => Assert.Equal(300, (await executor.GetStateAsync()).InFlight), Patience);

        initializerGate.SetResult();
        foreach (var future in futures) await Assert.ThrowsAsync<BrokenExecutorException>(() => future.ResultAsync(Patience));
        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
        await executor.ShutdownAsync(wait: true).WaitAsync(Patience);
    }

    private static int Crash() => throw new ThreadInterruptedException("worker thread interrupted");
}
