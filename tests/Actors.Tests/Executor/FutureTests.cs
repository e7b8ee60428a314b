using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>Every state transition of a future, its waits, and its done-callbacks.</summary>
public sealed class FutureTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task Future_PendingCancelled_NeverRunsAndReportsCancelled()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var blocker = executor.Submit(() => _gates.Run(1));
        var ran = 0;
        var pending = executor.Submit(() => Interlocked.Increment(ref ran));
        await AwaitAssertAsync(() => Assert.True(blocker.IsRunning), Patience);

        Assert.Equal(FutureState.Pending, pending.State);
        Assert.True(pending.Cancel());
        Assert.True(pending.Cancel());
        Assert.True(pending.IsCancelled && pending.IsDone && !pending.IsRunning);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.ResultAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.ExceptionAsync());

        _gates.Open(1);
        await blocker.ResultAsync(Patience);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task Future_RunningOrFinished_CannotBeCancelled()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var future = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.Equal(FutureState.Running, future.State), Patience);
        Assert.False(future.Cancel());
        _gates.Open(1);
        Assert.Equal(1, await future);
        Assert.Equal(FutureState.Finished, future.State);
        Assert.False(future.Cancel());
        Assert.Null(await future.ExceptionAsync());
    }

    [Fact]
    public async Task Future_JobThrows_ExceptionIsStoredAndRethrown()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var future = executor.Submit(() => Fail<int>(new FormatException("bad page")));
        Assert.IsType<FormatException>(await future.ExceptionAsync(Patience));
        await Assert.ThrowsAsync<FormatException>(() => future.ResultAsync());
        await Assert.ThrowsAsync<FormatException>(async () => await future);
        Assert.Equal(1, await executor.Submit(() => 1));
    }

    [Fact]
    public async Task Future_NotDoneInTime_ResultAndExceptionTimeOut()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var future = executor.Submit(() => _gates.Run(1));
        await Assert.ThrowsAsync<TimeoutException>(() => future.ResultAsync(TimeSpan.FromMilliseconds(50)));
        await Assert.ThrowsAsync<TimeoutException>(() => future.ExceptionAsync(TimeSpan.Zero));
        _gates.Open(1);
        Assert.Equal(1, await future.ResultAsync(Patience));
    }

    [Fact]
    public async Task Future_WaitersTokenFires_WaitIsCancelledAndTheJobIsNot()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var future = executor.Submit(() => _gates.Run(1));
        using var stopWaiting = new CancellationTokenSource();
        var result = future.ResultAsync(cancellationToken: stopWaiting.Token);
        var exception = future.ExceptionAsync(Patience, stopWaiting.Token);

        stopWaiting.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => result);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exception);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => future.ResultAsync(cancellationToken: stopWaiting.Token));
        Assert.False(future.IsCancelled);

        _gates.Open(1);
        Assert.Equal(1, await future.ResultAsync(Patience));
        Assert.Equal(1, await future.ResultAsync(cancellationToken: stopWaiting.Token));
        Assert.Null(await future.ExceptionAsync(cancellationToken: stopWaiting.Token));
    }

    [Fact]
    public async Task DoneCallbacks_RunOnceEach_ThrowingOneDoesNotDisturbTheOthers()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var future = executor.Submit(() => _gates.Run(1));
        var calls = new int[3];
        future.AddDoneCallback(_ => Interlocked.Increment(ref calls[0]));
        future.AddDoneCallback(_ => throw new InvalidOperationException("callback failure"));
        future.AddDoneCallback(_ => Interlocked.Increment(ref calls[1]));

        _gates.Open(1);
        await future.ResultAsync(Patience);
        await AwaitAssertAsync(() => Assert.Equal((1, 1), (calls[0], calls[1])), Patience);

        future.AddDoneCallback(_ => Interlocked.Increment(ref calls[2]));
        Assert.Equal(1, calls[2]);
        Assert.Equal([1, 1, 1], calls);
    }

    [Fact]
    public async Task DoneCallback_OnCancelledFuture_RunsOnce()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var blocker = executor.Submit(() => _gates.Run(1));
        var pending = executor.Submit(() => 2);
        var calls = 0;
        pending.AddDoneCallback(f => { if (f.IsCancelled) Interlocked.Increment(ref calls); });
        Assert.True(pending.Cancel());
        await AwaitAssertAsync(() => Assert.Equal(1, calls), Patience);
        _gates.Open(1);
        await blocker;
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Submit_AsyncJobs_CompleteWithTheirResults()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var plain = executor.Submit(async () =>
        {
            await Task.Yield();
            return "async";
        });
        var withToken = executor.Submit(async token =>
        {
            await Task.Yield();
            return token.CanBeCanceled;
        });
        var action = executor.Submit(() => { });
        Assert.Equal("async", await plain.ResultAsync(Patience));
        Assert.True(await withToken.ResultAsync(Patience));
        Assert.Null(await action.ResultAsync(Patience));
    }

    private static T Fail<T>(Exception error, Action? before = null)
    {
        before?.Invoke();
        throw error;
    }
}
