using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>
/// Futures made by code that is not an executor (Python's public <c>Future()</c> with its completing methods): every
/// future behaviour holds, misuse is <see cref="InvalidOperationException"/>, and the module functions accept them
/// mixed with executor futures.
/// </summary>
public sealed class FutureSourceTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task Source_PendingRunningFinished_FollowsTheStateTable()
    {
        var source = new ActorFutureSource<int>();
        var future = source.Future;
        Assert.Equal(FutureState.Pending, future.State);

        Assert.True(source.SetRunningOrNotifyCancel());
        Assert.True(future.IsRunning);
        Assert.False(future.Cancel());
        Assert.Throws<InvalidOperationException>(() => source.SetRunningOrNotifyCancel());

        source.SetResult(42);
        Assert.Equal(FutureState.Finished, future.State);
        Assert.Equal(42, await future.ResultAsync(TimeSpan.Zero));
        Assert.Null(await future.ExceptionAsync(TimeSpan.Zero));
        Assert.False(future.Cancel());
        Assert.Throws<InvalidOperationException>(() => source.SetResult(1));
        Assert.Throws<InvalidOperationException>(() => source.SetException(new IOException()));
        Assert.Throws<InvalidOperationException>(() => source.SetRunningOrNotifyCancel());
    }

    [Fact]
    public async Task Source_SetResultOrExceptionWhilePending_FinishesWithoutRunning()
    {
        var ok = new ActorFutureSource<string>();
        ok.SetResult("page");
        Assert.Equal("page", await ok.Future);

        var failed = new ActorFutureSource<string>();
        var error = new IOException("no page");
        failed.SetException(error);
        Assert.Same(error, await failed.Future.ExceptionAsync());
        await Assert.ThrowsAsync<IOException>(() => failed.Future.ResultAsync());
        Assert.Throws<ArgumentNullException>(() => new ActorFutureSource<int>().SetException(null!));
    }

    [Fact]
    public async Task Source_CancelledWhilePending_NotifyCancelSaysFalseAndSettingThrows()
    {
        var source = new ActorFutureSource<int>();
        Assert.True(source.Future.Cancel());
        Assert.True(source.Future.Cancel());

        Assert.False(source.SetRunningOrNotifyCancel());
        Assert.Throws<InvalidOperationException>(() => source.SetResult(1));
        Assert.Throws<InvalidOperationException>(() => source.SetException(new IOException()));
        Assert.True(source.Future.IsCancelled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.Future.ResultAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.Future.ExceptionAsync());
    }

    [Fact]
    public async Task Source_NotDoneInTime_ResultAndExceptionTimeOut()
    {
        var source = new ActorFutureSource<int>();
        await Assert.ThrowsAsync<TimeoutException>(() => source.Future.ResultAsync(TimeSpan.FromMilliseconds(20)));
        await Assert.ThrowsAsync<TimeoutException>(() => source.Future.ExceptionAsync(TimeSpan.Zero));
        Assert.Equal(FutureState.Pending, source.Future.State);
    }

    [Fact]
    public async Task Source_DoneCallbacks_RunOnceEach_AtOnceWhenAddedToADoneFuture_ThrowingOneIsReported()
    {
        var reported = new List<Exception>();
        var source = new ActorFutureSource<int>((_, error) => { lock (reported) reported.Add(error); });
        var calls = new int[3];
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Future.AddDoneCallback(_ => Interlocked.Increment(ref calls[0]));
        source.Future.AddDoneCallback(_ => throw new FormatException("callback failed"));
        source.Future.AddDoneCallback(_ =>
        {
            Interlocked.Increment(ref calls[1]);
            ran.SetResult();
        });

        source.SetResult(1);
        await ran.Task.WaitAsync(Patience);
        var threadBefore = Environment.CurrentManagedThreadId;
        var threadOfLate = -1;
        source.Future.AddDoneCallback(_ =>
        {
            calls[2]++;
            threadOfLate = Environment.CurrentManagedThreadId;
        });

        Assert.Equal(1, calls[2]);
        Assert.Equal(threadBefore, threadOfLate);
        await AwaitAssertAsync(() =>
        {
            Assert.Equal([1, 1, 1], calls);
            lock (reported) Assert.IsType<FormatException>(Assert.Single(reported));
        }, Patience);
    }

    [Fact]
    public async Task WaitAndAsCompleted_SourceFuturesMixedWithExecutorFutures_HandBackTheSameInstances()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var job = executor.Submit(() => _gates.Run(1));
        var source = new ActorFutureSource<int>();
        var mixed = new ActorFuture[] { job, source.Future };

        var first = ActorFutures.WaitAsync(mixed, returnWhen: ReturnWhen.FirstCompleted);
        source.SetResult(2);
        var result = await first.WaitAsync(Patience);
        Assert.Same(source.Future, Assert.Single(result.Done));
        Assert.Same(job, Assert.Single(result.NotDone));

        await using var enumerator = ActorFutures.AsCompleted(mixed).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Same(source.Future, enumerator.Current);
        var next = enumerator.MoveNextAsync().AsTask();
        _gates.Open(1);
        Assert.True(await next.WaitAsync(Patience));
        Assert.Same(job, enumerator.Current);
        Assert.False(await enumerator.MoveNextAsync());
    }
}
