using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>
/// <see cref="ActorThread.JoinAsync(CancellationToken)"/> and its timed form: Python's <c>join</c>.
/// </summary>
public sealed class ThreadJoinFacadeTests : ThreadFacadeTestKit
{
    private Task AwaitJoiningAsync(ActorThread thread, int expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, (await StateOf(thread)).Joining), Patience);

    [Fact]
    public async Task JoinAsyncWithTimeout_ThreadOutlivesIt_ReturnsFalseAndThreadRunsOn()
    {
        var gate = NewGate();
        var probe = CreateTestProbe();
        var thread = new ActorThread(Sys, _ =>
        {
            gate.Task.Wait();
            probe.Ref.Tell("finished");
        });
        thread.Start();
        Assert.False(await thread.JoinAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Patience));
        Assert.False(await thread.JoinAsync(TimeSpan.Zero));
        Assert.True(thread.IsAlive);

        gate.SetResult();
        probe.ExpectMsg("finished");
        Assert.True(await thread.JoinAsync(Patience));
    }

    [Fact]
    public async Task JoinAsyncWithTimeout_ThreadEndsFirst_ReturnsTrue()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        thread.Start();
        var join = thread.JoinAsync(TimeSpan.FromMinutes(5));
        await AwaitJoiningAsync(thread, 1);
        Assert.False(join.IsCompleted);
        gate.SetResult();
        Assert.True(await join.WaitAsync(Patience));
        Assert.False(thread.IsAlive);
    }

    [Fact]
    public async Task JoinAsync_ManyJoiners_AllReturnWhenTheThreadEnds()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        thread.Start();
        var joins = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? thread.JoinAsync() : thread.JoinAsync(Patience)).ToList();
        await AwaitJoiningAsync(thread, joins.Count);
        Assert.All(joins, join => Assert.False(join.IsCompleted));
        gate.SetResult();
        await Task.WhenAll(joins).WaitAsync(Patience);
    }

    [Fact]
    public async Task JoinAsync_AfterTheCoordinatorRetired_ReturnsTrueAtOnce()
    {
        var thread = new ActorThread(Sys, _ => { });
        thread.Start();
        var coordinator = thread.Coordinator!;
        Watch(coordinator);
        ExpectTerminated(coordinator);
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.True(await thread.JoinAsync(TimeSpan.Zero));
        Assert.True(await thread.JoinAsync(Patience));
    }

    [Fact]
    public async Task JoinAsync_NotStarted_ThrowsInvalidOperationException()
    {
        var thread = new ActorThread(Sys, _ => { });
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.JoinAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.JoinAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task JoinAsync_FromItsOwnBody_ThrowsInvalidOperationException()
    {
        var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        ActorThread? self = null;
        var started = NewGate();
        self = new ActorThread(Sys, async _ =>
        {
            await started.Task;
            try
            {
                await self!.JoinAsync();
                outcome.SetResult(null);
            }
            catch (Exception error)
            {
                outcome.SetResult(error);
            }
        });
        self.Start();
        started.SetResult();
        Assert.IsType<InvalidOperationException>(await outcome.Task.WaitAsync(Patience));
        await self.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task JoinAsync_Cancelled_ThrowsAndLeavesTheThreadAndOtherJoinsAlone()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        thread.Start();
        using var cts = new CancellationTokenSource();
        var cancelled = thread.JoinAsync(cts.Token);
        var other = thread.JoinAsync(Patience);
        await AwaitJoiningAsync(thread, 2);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        await AwaitJoiningAsync(thread, 1);
        Assert.True(thread.IsAlive);
        Assert.False(other.IsCompleted);

        gate.SetResult();
        Assert.True(await other.WaitAsync(Patience));
    }

    [Fact]
    public async Task JoinAsync_AlreadyCancelledToken_ThrowsWithoutWaiting()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        thread.Start();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thread.JoinAsync(cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thread.JoinAsync(Patience, cts.Token));
        Assert.Equal(0, (await StateOf(thread)).Joining);
        gate.SetResult();
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public async Task JoinAsync_NegativeTimeout_ThrowsArgumentOutOfRange(int milliseconds)
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        thread.Start();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => thread.JoinAsync(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(0, (await StateOf(thread)).Joining);
        gate.SetResult();
        Assert.True(await thread.JoinAsync(Timeout.InfiniteTimeSpan).WaitAsync(Patience));
    }
}
