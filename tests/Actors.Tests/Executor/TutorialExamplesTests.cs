using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>The tutorial's concurrent.futures examples 1-3, with its sleeps replaced by gates opened in the same order.</summary>
public sealed class TutorialExamplesTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task Example1_SubmitDoneResult_FalseThenTrueAnd3()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var task1 = executor.Submit(() => _gates.Run(3));
        var task2 = executor.Submit(() => _gates.Run(2));

        Assert.False(task1.IsDone);
        await AwaitAssertAsync(() => Assert.True(task2.IsRunning), Patience);
        Assert.False(task2.Cancel());

        _gates.Open(2);
        Assert.Equal(2, await task2.ResultAsync(Patience));
        _gates.Open(3);
        Assert.Equal(3, await task1.ResultAsync(Patience));
        Assert.True(task1.IsDone);
        Assert.Equal([2, 3], _gates.Finished);
    }

    [Fact]
    public async Task Example2_MapWithTwoWorkers_FinishOrder234_YieldOrder324()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var results = executor.Map(_gates.Run, [3, 2, 4]).GetAsyncEnumerator();

        var first = results.MoveNextAsync().AsTask();
        _gates.Open(2);
        await AwaitAssertAsync(() => Assert.Equal([2], _gates.Finished), Patience);
        Assert.False(first.IsCompleted);

        _gates.Open(3);
        Assert.True(await first.WaitAsync(Patience));
        Assert.Equal(3, results.Current);
        Assert.True(await results.MoveNextAsync());
        Assert.Equal(2, results.Current);

        var third = results.MoveNextAsync().AsTask();
        _gates.Open(4);
        Assert.True(await third.WaitAsync(Patience));
        Assert.Equal(4, results.Current);
        Assert.False(await results.MoveNextAsync());
        Assert.Equal([2, 3, 4], _gates.Finished);
        await results.DisposeAsync();
    }

    [Fact]
    public async Task Example3_AsCompleted_YieldsInCompletionOrder234()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var futures = new[] { 3, 2, 4 }.Select(n => executor.Submit(() => _gates.Run(n))).ToList();
        var completed = new List<int>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var future in ActorFutures.AsCompleted(futures)) completed.Add(await future);
        });

        _gates.Open(2);
        await AwaitAssertAsync(() => Assert.Equal([2], completed), Patience);
        _gates.Open(3);
        await AwaitAssertAsync(() => Assert.Equal([2, 3], completed), Patience);
        _gates.Open(4);
        await consumer.WaitAsync(Patience);
        Assert.Equal([2, 3, 4], completed);
    }

    [Fact]
    public async Task Example4_WaitAllCompleted_ReturnsAfterEveryJob()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2 });
        var futures = new[] { 3, 2, 4 }.Select(n => executor.Submit(() => _gates.Run(n))).ToList();
        var wait = ActorFutures.WaitAsync(futures);
        _gates.Open(2);
        _gates.Open(3);
        await AwaitAssertAsync(() => Assert.Equal(2, _gates.Finished.Count), Patience);
        Assert.Equal([2, 3], _gates.Finished.Order());
        Assert.False(wait.IsCompleted);
        _gates.Open(4);
        var result = await wait.WaitAsync(Patience);
        Assert.Equal(3, result.Done.Count);
        Assert.Empty(result.NotDone);
    }
}
