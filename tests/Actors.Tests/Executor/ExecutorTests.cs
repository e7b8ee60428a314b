using Actors.Executor;
using Actors.Lock;

namespace Actors.Tests.Executor;

/// <summary>map, as_completed, wait, shutdown, the initializer and the pool's resilience.</summary>
public sealed class ExecutorTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task Map_TimeoutPasses_ThrowsTimeoutAndCancelsTheUnfinishedJobs()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var results = new List<int>();
        var map = executor.Map(_gates.Run, [1, 2, 3], timeout: TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var result in map) results.Add(result);
        });

        _gates.Open(1);
        _gates.Open(2);
        _gates.Open(3);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
        Assert.Empty(results);
        Assert.Equal([1], _gates.Started);
    }

    [Fact]
    public async Task Map_JobThrows_ExceptionSurfacesAtItsPosition()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<DivideByZeroException>(async () =>
        {
            await foreach (var result in executor.Map(n => 10 / n, [5, 2, 0, 1])) seen.Add(result);
        });
        Assert.Equal([2, 5], seen);
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Map_ChunkSize_BatchesItemsAndKeepsOrder()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 3 });
        var results = new List<int>();
        await foreach (var result in executor.Map(n => n * n, Enumerable.Range(0, 100), chunkSize: 7)) results.Add(result);
        Assert.Equal(Enumerable.Range(0, 100).Select(n => n * n), results);
        Assert.Throws<ArgumentOutOfRangeException>(() => executor.Map(n => n, [1], chunkSize: 0));
    }

    [Fact]
    public async Task AsCompleted_DoneFirstDuplicatesOnce_TimesOutAfterYieldingWhatFinished()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var done = executor.Submit(() => 0);
        await done;
        var slow = executor.Submit(() => _gates.Run(9));
        var yielded = new List<ActorFuture>();
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var future in ActorFutures.AsCompleted([slow, done, done], TimeSpan.FromMilliseconds(100))) yielded.Add(future);
        });
        Assert.Equal([done], yielded);
        _gates.Open(9);
    }

    [Fact]
    public async Task Wait_FirstCompleted_ReturnsWhenOneIsDone()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var a = executor.Submit(() => _gates.Run(1));
        var b = executor.Submit(() => _gates.Run(2));
        var wait = ActorFutures.WaitAsync([a, b], returnWhen: ReturnWhen.FirstCompleted);
        _gates.Open(2);
        var result = await wait.WaitAsync(Patience);
        Assert.Equal([b], result.Done);
        Assert.Equal([a], result.NotDone);
        _gates.Open(1);
    }

    [Fact]
    public async Task Wait_FirstException_ReturnsAtTheFirstFailureNotAtTheFirstSuccess()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 3 });
        var ok = executor.Submit(() => _gates.Run(1));
        var failing = executor.Submit(() => Fail<int>(new IOException("page failed"), before: () => _gates.Run(2)));
        var slow = executor.Submit(() => _gates.Run(3));
        var wait = ActorFutures.WaitAsync([ok, failing, slow], returnWhen: ReturnWhen.FirstException);
        _gates.Open(1);
        await ok;
        Assert.False(wait.IsCompleted);
        _gates.Open(2);
        var result = await wait.WaitAsync(Patience);
        Assert.Contains(failing, result.Done);
        Assert.Equal([slow], result.NotDone);
        _gates.Open(3);
    }

    [Fact]
    public async Task Wait_TimeoutPasses_ReturnsDoneAndNotDoneWithoutThrowing()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var quick = executor.Submit(() => 1);
        await quick;
        var slow = executor.Submit(() => _gates.Run(5));
        var result = await ActorFutures.WaitAsync([quick, slow], TimeSpan.FromMilliseconds(100));
        Assert.Equal([quick], result.Done);
        Assert.Equal([slow], result.NotDone);
        _gates.Open(5);
    }

    [Fact]
    public async Task Wait_CancelledFuture_CountsAsDone()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var blocker = executor.Submit(() => _gates.Run(1));
        var pending = executor.Submit(() => 2);
        var wait = ActorFutures.WaitAsync([pending]);
        Assert.True(pending.Cancel());
        var result = await wait.WaitAsync(Patience);
        Assert.Equal([pending], result.Done);
        _gates.Open(1);
        await blocker;
    }

    [Fact]
    public async Task Shutdown_Wait_CompletesOnlyAfterRunningJobs()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var running = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(running.IsRunning), Patience);
        var shutdown = executor.ShutdownAsync(wait: true);
        Assert.Throws<InvalidOperationException>(() => executor.Submit(() => 2));
        Assert.False(shutdown.IsCompleted);
        _gates.Open(1);
        await shutdown.WaitAsync(Patience);
        Assert.Equal(1, await running);
        Assert.True((await executor.GetStateAsync()).IsShutDown);
    }

    [Fact]
    public async Task Shutdown_CancelFutures_CancelsPendingJobsAndLetsTheRunningOneFinish()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var running = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(running.IsRunning), Patience);
        var pending = Enumerable.Range(2, 3).Select(n => executor.Submit(() => _gates.Run(n))).ToList();

        var shutdown = executor.ShutdownAsync(wait: true, cancelFutures: true);
        await AwaitAssertAsync(() => Assert.All(pending, f => Assert.True(f.IsCancelled)), Patience);
        _gates.Open(1);
        await shutdown.WaitAsync(Patience);
        Assert.Equal(1, await running);
        Assert.Equal([1], _gates.Started);
    }

    [Fact]
    public async Task Shutdown_NoWait_ReturnsAtOnceAndQueuedJobsStillRun()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var first = executor.Submit(() => _gates.Run(1));
        var second = executor.Submit(() => _gates.Run(2));
        await executor.ShutdownAsync(wait: false);
        _gates.Open(1);
        _gates.Open(2);
        Assert.Equal((1, 2), (await first.ResultAsync(Patience), await second.ResultAsync(Patience)));
    }

    [Fact]
    public async Task DisposeAsync_WaitsForAcceptedJobs()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var job = executor.Submit(() => _gates.Run(1));
        var disposing = executor.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        _gates.Open(1);
        await disposing.WaitAsync(Patience);
        Assert.True(job.IsDone);
    }

    [Fact]
    public async Task Initializer_Throws_PendingAndLaterSubmitsFailWithBrokenExecutor()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2, Initializer = () => throw new InvalidDataException("no config") });
        var futures = Enumerable.Range(0, 6).Select(n => executor.Submit(() => n)).ToList();
        foreach (var future in futures)
        {
            var error = await Assert.ThrowsAsync<BrokenExecutorException>(() => future.ResultAsync(Patience));
            Assert.IsType<InvalidDataException>(error.InnerException);
        }

        await AwaitAssertAsync(async () => Assert.True((await executor.GetStateAsync()).IsBroken), Patience);
        await Assert.ThrowsAsync<BrokenExecutorException>(() => executor.Submit(() => 7).ResultAsync(Patience));
    }

    [Fact]
    public async Task Initializer_RunsInEachWorkerBeforeItsFirstJob()
    {
        var initialized = 0;
        using var initializedOnThisThread = new ThreadLocal<bool>();
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions
        {
            MaxWorkers = 3,
            Initializer = () =>
            {
                initializedOnThisThread.Value = true;
                Interlocked.Increment(ref initialized);
            },
        });
        var seenByJobs = await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => executor.Submit(() => initializedOnThisThread.Value).AsTask()));
        Assert.All(seenByJobs, Assert.True);
        // Each worker runs it when it starts, as a Python worker thread does; the last may start after the jobs ran.
        await AwaitAssertAsync(() => Assert.Equal(3, Volatile.Read(ref initialized)), Patience);
    }

    [Fact]
    public async Task Job_CrashesItsWorker_FailsOnlyItsOwnFutureAndTheWorkerIsReplaced()
    {
        var initialized = 0;
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1, Initializer = () => Interlocked.Increment(ref initialized) });
        var before = executor.Submit(() => _gates.Run(1));
        var crashing = executor.Submit(() => Fail<int>(new ThreadInterruptedException("worker thread interrupted")));
        var after = Enumerable.Range(2, 3).Select(n => executor.Submit(() => n * 10)).ToList();
        _gates.Open(1);

        Assert.Equal(1, await before.ResultAsync(Patience));
        await Assert.ThrowsAsync<ThreadInterruptedException>(() => crashing.ResultAsync(Patience));
        var afterResults = await Task.WhenAll(after.Select(f => f.ResultAsync(Patience)));
        Assert.Equal([20, 30, 40], afterResults);
        Assert.Equal(2, initialized);
    }

    [Fact]
    public async Task Workers_AllBlocked_OtherCoordinatorsStillAnswer()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 4 });
        var blocked = Enumerable.Range(1, 4).Select(n => executor.Submit(() => _gates.Run(n))).ToList();
        await AwaitAssertAsync(() => Assert.Equal(4, _gates.Started.Count), Patience);

        var mutex = ActorLock.Create(Sys);
        for (var i = 0; i < 100; i++)
        {
            await using (await mutex.LockAsync().WaitAsync(Patience))
            {
            }
        }

        Assert.All(blocked, f => Assert.True(f.IsRunning));
        foreach (var n in Enumerable.Range(1, 4)) _gates.Open(n);
        await Task.WhenAll(blocked.Select(f => f.AsTask())).WaitAsync(Patience);
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ActorExecutor.Create(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 0 }));
    }

    private static T Fail<T>(Exception error, Action? before = null)
    {
        before?.Invoke();
        throw error;
    }
}
