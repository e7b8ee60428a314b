using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>The facade <see cref="ActorThread"/>: start, join, daemon, is_alive, name, ident.</summary>
public sealed class ThreadFacadeTests : ThreadTestKit
{
    [Fact]
    public async Task Start_SyncTargetWithArgs_RunsTheTargetWithThemAndJoinReturns()
    {
        var probe = CreateTestProbe();
        var thread = new ActorThread(Sys, (args, _) => probe.Ref.Tell($"task {args[0]} {args[1]}"), args: ["t1", 3]);
        thread.Start();
        probe.ExpectMsg("task t1 3");
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.False(thread.IsAlive);
    }

    [Fact]
    public async Task Start_AsyncTarget_ThreadEndsWhenItsTaskCompletes()
    {
        var gate = NewGate();
        var probe = CreateTestProbe();
        var thread = new ActorThread(Sys, async (args, _) =>
        {
            probe.Ref.Tell("before");
            await gate.Task;
            probe.Ref.Tell($"after {args[0]}");
        }, args: ["x"]);
        thread.Start();
        probe.ExpectMsg("before");
        Assert.False(await thread.JoinAsync(TimeSpan.Zero));
        Assert.True(thread.IsAlive);

        gate.SetResult();
        probe.ExpectMsg("after x");
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.False(thread.IsAlive);
    }

    [Fact]
    public async Task Start_TargetsWithoutArgs_RunSyncAndAsyncBodies()
    {
        var probe = CreateTestProbe();
        var sync = new ActorThread(Sys, _ => probe.Ref.Tell("sync"));
        var async = new ActorThread(Sys, async _ =>
        {
            await Task.Yield();
            probe.Ref.Tell("async");
        });
        sync.Start();
        probe.ExpectMsg("sync");
        async.Start();
        probe.ExpectMsg("async");
        await Task.WhenAll(sync.JoinAsync(), async.JoinAsync()).WaitAsync(Patience);
    }

    [Fact]
    public async Task Start_TwoCountdowns_RunConcurrently()
    {
        // The tutorial's first example: both threads print their first line before either finishes.
        var gate = NewGate();
        var probe = CreateTestProbe();
        ActorThread Countdown(string name) => new(Sys, (args, _) =>
        {
            probe.Ref.Tell($"task {args[0]}");
            gate.Task.Wait();
            probe.Ref.Tell($"done {args[0]}");
        }, args: [name]);
        var (t1, t2) = (Countdown("t1"), Countdown("t2"));
        t1.Start();
        t2.Start();
        Assert.Equal(new[] { "task t1", "task t2" }, new[] { probe.ExpectMsg<string>(), probe.ExpectMsg<string>() }.Order());
        probe.ExpectNoMsg(TimeSpan.Zero); // neither finished: both bodies are held by the gate

        gate.SetResult();
        Assert.Equal(new[] { "done t1", "done t2" }, new[] { probe.ExpectMsg<string>(), probe.ExpectMsg<string>() }.Order());
        await Task.WhenAll(t1.JoinAsync(), t2.JoinAsync()).WaitAsync(Patience);
    }

    [Fact]
    public async Task Start_BlockingSyncBody_RunsOnADedicatedThreadNotThePool()
    {
        var ranOnPool = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new ActorThread(Sys, _ => ranOnPool.SetResult(Thread.CurrentThread.IsThreadPoolThread));
        thread.Start();
        Assert.False(await ranOnPool.Task.WaitAsync(Patience));
        await thread.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task IsAlive_NewStartedFinished_FollowsTheThreadsLife()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        Assert.False(thread.IsAlive);
        thread.Start();
        Assert.True(thread.IsAlive);
        Assert.False(await thread.JoinAsync(TimeSpan.FromMilliseconds(50)));
        Assert.True(thread.IsAlive);

        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.False(thread.IsAlive);
    }

    [Fact]
    public async Task Start_Twice_ThrowsInvalidOperationExceptionAndTheThreadRunsOnce()
    {
        var probe = CreateTestProbe();
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ =>
        {
            probe.Ref.Tell("run");
            gate.Task.Wait();
        });
        thread.Start();
        var ident = thread.Ident;
        Assert.Throws<InvalidOperationException>(thread.Start);
        Assert.Equal(ident, thread.Ident);

        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Throws<InvalidOperationException>(thread.Start);
        probe.ExpectMsg("run");
        // Kept: a second body would start on a thread of its own, which no reply of the coordinator orders.
        probe.ExpectNoMsg(TestTimes.Silence);
    }

    [Fact]
    public async Task Start_ConcurrentCallers_ExactlyOneSucceeds()
    {
        var probe = CreateTestProbe();
        var thread = new ActorThread(Sys, _ => probe.Ref.Tell("run"));
        var gate = NewGate();
        var starts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                thread.Start();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        })).ToList();
        gate.SetResult();
        Assert.Single(await Task.WhenAll(starts).WaitAsync(Patience), started => started);
        await thread.JoinAsync().WaitAsync(Patience);
        probe.ExpectMsg("run");
        // Kept: a second body would start on a thread of its own, which no reply of the coordinator orders.
        probe.ExpectNoMsg(TestTimes.Silence);
    }

    [Fact]
    public async Task Daemon_SetBeforeStart_IsKeptAndReportedByTheCoordinator()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait());
        Assert.False(thread.Daemon);
        thread.Daemon = true;
        thread.Daemon = false;
        thread.Daemon = true;
        thread.Start();
        Assert.True(thread.Daemon);
        var state = await StateOf(thread);
        Assert.True(state.Daemon);
        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task Daemon_SetAfterStart_ThrowsInvalidOperationExceptionAndKeepsTheValue()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait(), daemon: false);
        thread.Start();
        Assert.Throws<InvalidOperationException>(() => thread.Daemon = true);
        Assert.False(thread.Daemon);
        Assert.False((await StateOf(thread)).Daemon);

        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Throws<InvalidOperationException>(() => thread.Daemon = true);
    }

    [Fact]
    public async Task Daemon_NotGiven_InheritedFromTheCreatingThread()
    {
        var children = new TaskCompletionSource<(bool Inherited, bool Overridden)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new ActorThread(Sys, _ =>
        {
            var inherited = new ActorThread(Sys, _ => { });
            var overridden = new ActorThread(Sys, _ => { }, daemon: false);
            children.SetResult((inherited.Daemon, overridden.Daemon));
        }, daemon: true);
        Assert.False(new ActorThread(Sys, _ => { }).Daemon);
        parent.Start();
        Assert.Equal((true, false), await children.Task.WaitAsync(Patience));
        await parent.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public void Name_NotGiven_IsThreadNCountingOnlyUnnamedThreadsOfTheSystem()
    {
        var first = new ActorThread(Sys, _ => { });
        var named = new ActorThread(Sys, _ => { }, name: "worker");
        var second = new ActorThread(Sys, async _ => await Task.Yield());
        Assert.Equal(("Thread-1", "worker", "Thread-2"), (first.Name, named.Name, second.Name));
        Assert.Equal("MainThread", Registry.MainThread.Name);
    }

    [Fact]
    public async Task Ident_BeforeAndAfterStart_NullThenUniqueAndStable()
    {
        var threads = Enumerable.Range(0, 20).Select(_ => new ActorThread(Sys, _ => { })).ToList();
        Assert.All(threads, t => Assert.Null(t.Ident));
        foreach (var thread in threads) thread.Start();
        var idents = threads.Select(t => t.Ident).ToList();
        Assert.All(idents, ident => Assert.NotNull(ident));
        Assert.Equal(idents.Count, idents.Distinct().Count());
        Assert.DoesNotContain(Registry.MainThread.Ident, idents);
        await Task.WhenAll(threads.Select(t => t.JoinAsync())).WaitAsync(Patience);
        Assert.Equal(idents, threads.Select(t => t.Ident));
    }

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

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ActorThread(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ActorThread(Sys, (Action<CancellationToken>)null!));
        Assert.Throws<ArgumentNullException>(() => new ActorThread(Sys, (Func<CancellationToken, Task>)null!));
        Assert.Throws<ArgumentNullException>(() => new ActorThread(Sys, (Action<object?[], CancellationToken>)null!));
        Assert.Throws<ArgumentNullException>(() => new ActorThread(Sys, (Func<object?[], CancellationToken, Task>)null!));
    }

    [Fact]
    public async Task ToString_ThroughItsLife_ShowsNameStatusDaemonAndIdent()
    {
        var gate = NewGate();
        var thread = new ActorThread(Sys, _ => gate.Task.Wait(), name: "t1", daemon: true);
        Assert.Equal("ActorThread(t1, initial daemon)", thread.ToString());
        thread.Start();
        Assert.Equal($"ActorThread(t1, started daemon {thread.Ident})", thread.ToString());
        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Equal($"ActorThread(t1, stopped daemon {thread.Ident})", thread.ToString());
    }

    private async Task<ThreadProtocol.ThreadState> StateOf(ActorThread thread) =>
        (ThreadProtocol.ThreadState)await thread.Coordinator!.Ask(new ThreadProtocol.GetState(RequestIds.Next()), Patience);

    private Task AwaitJoiningAsync(ActorThread thread, int expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, (await StateOf(thread)).Joining), Patience);
}
