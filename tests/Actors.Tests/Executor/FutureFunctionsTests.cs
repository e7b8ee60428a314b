using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>
/// Where <c>as_completed</c> and <c>wait</c> follow CPython closely: the generator's clock, the references it drops,
/// and the invalid <c>return_when</c> that is an error only when the wait must block.
/// </summary>
public sealed class FutureFunctionsTests : CoordinatorTestKit
{
    [Fact]
    public async Task AsCompleted_TimeoutStartsAtTheFirstMoveNextNotAtTheCall()
    {
        var late = new ActorFutureSource<int>();
        var iteration = ActorFutures.AsCompleted([late.Future], TimeSpan.FromMilliseconds(300));
        // Longer than the timeout passes between the call and the first MoveNextAsync.
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        await using var enumerator = iteration.GetAsyncEnumerator();
        var next = enumerator.MoveNextAsync().AsTask();
        late.SetResult(1);

        Assert.True(await next.WaitAsync(Patience));
        Assert.Same(late.Future, enumerator.Current);
    }

    [Fact]
    public async Task AsCompleted_FutureYieldedAndMovedPast_IsNotKeptAlive()
    {
        var (enumerator, yielded, others) = await YieldFirstAndDropItAsync();
        var next = enumerator.MoveNextAsync().AsTask();
        for (var i = 0; i < 3 && yielded.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(yielded.IsAlive, "the enumeration still holds the future it yielded first");
        Assert.False(next.IsCompleted);
        others[0].SetResult(1);
        Assert.True(await next.WaitAsync(Patience));
        Assert.Same(others[0].Future, enumerator.Current);
        await enumerator.DisposeAsync();
    }

    /// <summary>
    /// Starts an enumeration over three futures, the first already done, moves to that first one and drops every
    /// reference to it but a weak one (in a method of its own, so that no stack slot of the test keeps it).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<(IAsyncEnumerator<ActorFuture>, WeakReference, List<ActorFutureSource<int>>)> YieldFirstAndDropItAsync()
    {
        var sources = Enumerable.Range(0, 3).Select(_ => new ActorFutureSource<int>()).ToList();
        sources[0].SetResult(0);
        var futures = sources.Select(s => s.Future).ToList();
        var enumerator = ActorFutures.AsCompleted(futures).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        var first = enumerator.Current;
        Assert.Same(sources[0].Future, first);
        futures.RemoveAt(0);
        sources.RemoveAt(0);
        return (enumerator, new WeakReference(first), sources);
    }

    [Fact]
    public async Task Wait_InvalidReturnWhen_ThrowsOnlyWhenItMustBlock()
    {
        var done = new ActorFutureSource<int>();
        done.SetResult(1);
        var pending = new ActorFutureSource<int>();
        const ReturnWhen invalid = (ReturnWhen)42;

        var allDone = await ActorFutures.WaitAsync([done.Future], returnWhen: invalid).WaitAsync(Patience);
        Assert.Equal([done.Future], allDone.Done);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ActorFutures.WaitAsync([done.Future, pending.Future], TimeSpan.FromSeconds(5), invalid)).WaitAsync(Patience);
    }
}
