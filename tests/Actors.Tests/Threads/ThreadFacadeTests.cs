using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>
/// The facade <see cref="ActorThread"/>: start, daemon, is_alive, name, ident.
/// </summary>
public sealed class ThreadFacadeTests : ThreadFacadeTestKit
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
}
