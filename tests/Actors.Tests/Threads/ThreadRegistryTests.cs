using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>Python's <c>active_count()</c>, <c>enumerate()</c>, <c>current_thread()</c> and <c>main_thread()</c>.</summary>
public sealed class ThreadRegistryTests : ThreadTestKit
{
    [Fact]
    public async Task ActiveCount_NoThreads_IsOneForTheMainThread()
    {
        Assert.Equal(1, await Registry.ActiveCountAsync());
        Assert.Equal(1, await Sys.ActiveThreadCountAsync());
        Assert.Equal(new[] { Registry.MainThread }, await Sys.EnumerateThreadsAsync());
    }

    [Fact]
    public async Task ActiveCount_ThreadsStartedAndEnding_IsOnePlusThoseNotFinished()
    {
        var gates = Enumerable.Range(0, 3).Select(_ => NewGate()).ToList();
        var threads = gates.Select(gate => new ActorThread(Sys, _ => gate.Task.Wait())).ToList();
        var notStarted = new ActorThread(Sys, _ => { });
        Assert.Equal(1, await Registry.ActiveCountAsync());

        for (var i = 0; i < threads.Count; i++)
        {
            threads[i].Start();
            Assert.Equal(2 + i, await Registry.ActiveCountAsync());
        }

        for (var i = 0; i < threads.Count; i++)
        {
            gates[i].SetResult();
            await threads[i].JoinAsync().WaitAsync(Patience);
            Assert.Equal(threads.Count - i, await Registry.ActiveCountAsync());
        }

        Assert.False(notStarted.IsAlive);
    }

    [Fact]
    public async Task ActiveCount_AfterJoinReturns_NeverCountsTheJoinedThread()
    {
        for (var i = 0; i < 30; i++)
        {
            var thread = new ActorThread(Sys, _ => { });
            thread.Start();
            await thread.JoinAsync().WaitAsync(Patience);
            Assert.Equal(1, await Registry.ActiveCountAsync());
            Assert.DoesNotContain(thread, await Registry.EnumerateAsync());
        }
    }

    [Fact]
    public async Task Enumerate_OnceIsAliveTurnsFalse_NeverListsTheThread()
    {
        // The end is published to the facade before the registry hears of it; a thread seen not alive in between must
        // not be enumerated (Python drops a thread from enumerate() before is_alive() turns false).
        for (var i = 0; i < 50; i++)
        {
            var thread = new ActorThread(Sys, _ => { });
            thread.Start();
            await AwaitConditionAsync(() => Task.FromResult(!thread.IsAlive), Patience, TimeSpan.FromMilliseconds(1));
            Assert.DoesNotContain(thread, await Registry.EnumerateAsync());
            Assert.Equal(1, await Registry.ActiveCountAsync());
        }
    }

    [Fact]
    public async Task Enumerate_ThreadsAlive_ListsMainThenTheLiveOnesInStartOrder()
    {
        var (gateA, gateB, gateC) = (NewGate(), NewGate(), NewGate());
        var a = new ActorThread(Sys, _ => gateA.Task.Wait(), name: "a");
        var b = new ActorThread(Sys, async _ => await gateB.Task, name: "b", daemon: true);
        var c = new ActorThread(Sys, _ => gateC.Task.Wait(), name: "c");
        a.Start();
        b.Start();
        c.Start();
        Assert.Equal(new[] { Registry.MainThread, a, b, c }, await Registry.EnumerateAsync());

        gateB.SetResult();
        await b.JoinAsync().WaitAsync(Patience);
        Assert.Equal(new[] { "MainThread", "a", "c" }, (await Registry.EnumerateAsync()).Select(t => t.Name));
        gateA.SetResult();
        gateC.SetResult();
        await Task.WhenAll(a.JoinAsync(), c.JoinAsync()).WaitAsync(Patience);
        Assert.Equal(new[] { Registry.MainThread }, await Registry.EnumerateAsync());
    }

    [Fact]
    public async Task WaitForNonDaemonThreadsAsync_DaemonAndNonDaemonRunning_ReturnsWhenTheNonDaemonEnds()
    {
        var (workerGate, daemonGate) = (NewGate(), NewGate());
        var worker = new ActorThread(Sys, _ => workerGate.Task.Wait());
        var daemon = new ActorThread(Sys, _ => daemonGate.Task.Wait(), daemon: true);
        await Registry.WaitForNonDaemonThreadsAsync().WaitAsync(Patience);
        worker.Start();
        daemon.Start();

        var waiting = Registry.WaitForNonDaemonThreadsAsync();
        Assert.False(await Registry.WaitForNonDaemonThreadsAsync(TimeSpan.FromMilliseconds(50)));
        Assert.False(waiting.IsCompleted);
        workerGate.SetResult();
        await waiting.WaitAsync(Patience);
        Assert.False(worker.IsAlive);
        Assert.True(daemon.IsAlive);
        Assert.True(await Registry.WaitForNonDaemonThreadsAsync(TimeSpan.Zero));
        daemonGate.SetResult();
    }

    [Fact]
    public async Task WaitForNonDaemonThreadsAsync_Cancelled_ThrowsAndLeavesNoWaiter()
    {
        var gate = NewGate();
        var worker = new ActorThread(Sys, _ => gate.Task.Wait());
        worker.Start();
        using var cts = new CancellationTokenSource();
        var waiting = Registry.WaitForNonDaemonThreadsAsync(Patience, cts.Token);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await RegistryStateAsync()).WaitingForNonDaemon), Patience);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        Assert.Equal(0, (await RegistryStateAsync()).WaitingForNonDaemon);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Registry.WaitForNonDaemonThreadsAsync(TimeSpan.FromSeconds(-2)));
        gate.SetResult();
    }

    [Fact]
    public void CurrentThread_OutsideEveryThread_IsTheMainThread()
    {
        Assert.Null(ActorThread.Current);
        Assert.Same(Registry.MainThread, Registry.CurrentThread);
        Assert.Same(Registry.MainThread, Sys.CurrentThread());
        Assert.Same(Registry.MainThread, Sys.MainThread());
    }

    [Fact]
    public async Task CurrentThread_InsideASyncBody_IsThatThread()
    {
        var seen = new TaskCompletionSource<(ActorThread? Static, ActorThread Registry)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new ActorThread(Sys, _ => seen.SetResult((ActorThread.Current, Sys.CurrentThread())));
        thread.Start();
        var (inStatic, inRegistry) = await seen.Task.WaitAsync(Patience);
        Assert.Same(thread, inStatic);
        Assert.Same(thread, inRegistry);
        Assert.Same(Registry.MainThread, Sys.CurrentThread());
    }

    [Fact]
    public async Task CurrentThread_InsideAnAsyncBodyAfterAwaits_IsStillThatThread()
    {
        var gate = NewGate();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<ActorThread?>();
        var thread = new ActorThread(Sys, async _ =>
        {
            seen.Enqueue(ActorThread.Current);
            await Task.Yield();
            seen.Enqueue(ActorThread.Current);
            await gate.Task.ConfigureAwait(false);
            seen.Enqueue(ActorThread.Current);
            seen.Enqueue(await Task.Run(() => Sys.CurrentThread()));
            await Sys.ActiveThreadCountAsync();
            seen.Enqueue(Sys.CurrentThread());
        });
        thread.Start();
        await AwaitAssertAsync(() => Assert.Equal(2, seen.Count), Patience);
        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Equal(5, seen.Count);
        Assert.All(seen, current => Assert.Same(thread, current));
        Assert.Null(ActorThread.Current);
    }

    [Fact]
    public async Task CurrentThread_ThreadsStartedFromAThread_EachSeeThemselves()
    {
        var seen = new TaskCompletionSource<(ActorThread Child, ActorThread? ParentAfterStart, ActorThread? InChild)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new ActorThread(Sys, async _ =>
        {
            var inChild = new TaskCompletionSource<ActorThread?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var child = new ActorThread(Sys, _ => inChild.SetResult(ActorThread.Current));
            child.Start();
            await child.JoinAsync();
            seen.SetResult((child, ActorThread.Current, await inChild.Task));
        });
        parent.Start();
        var (child, parentAfter, inChildSeen) = await seen.Task.WaitAsync(Patience);
        Assert.Same(parent, parentAfter);
        Assert.Same(child, inChildSeen);
        await parent.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task CurrentThread_AThreadOfAnotherSystem_IsThatSystemsMainThreadHere()
    {
        var seen = new TaskCompletionSource<ActorThread>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var other = ActorSystem.Create("other-threads");
        try
        {
            var thread = new ActorThread(other, _ => seen.SetResult(Sys.CurrentThread()));
            thread.Start();
            Assert.Same(Registry.MainThread, await seen.Task.WaitAsync(Patience));
            await thread.JoinAsync().WaitAsync(Patience);
        }
        finally
        {
            await other.Terminate();
        }
    }

    [Fact]
    public async Task MainThread_Always_IsAliveNonDaemonStartedAndCannotBeStartedOrJoined()
    {
        var main = Registry.MainThread;
        Assert.Equal("MainThread", main.Name);
        Assert.True(main.IsAlive);
        Assert.False(main.Daemon);
        Assert.NotNull(main.Ident);
        Assert.Null(main.Coordinator);
        Assert.Throws<InvalidOperationException>(main.Start);
        Assert.Throws<InvalidOperationException>(() => main.Daemon = true);
        await Assert.ThrowsAsync<InvalidOperationException>(() => main.JoinAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => main.JoinAsync(TimeSpan.Zero));
        Assert.Equal($"MainThread(MainThread, started {main.Ident})", main.ToString());
    }

    [Fact]
    public void Registry_OneSystem_IsOneExtensionWithOneMainThread()
    {
        Assert.Same(Registry, ThreadRegistry.Get(Sys));
        Assert.Same(Registry, Sys.Threads());
        Assert.Same(Registry.MainThread, ThreadRegistry.Get(Sys).MainThread);
        Assert.Same(Sys, Registry.System);
        Assert.Throws<ArgumentNullException>(() => ThreadRegistry.Get(null!));
    }

    private Task<ThreadRegistryProtocol.RegistryState> RegistryStateAsync() =>
        Registry.Coordinator.Ask<ThreadRegistryProtocol.RegistryState>(new ThreadRegistryProtocol.GetState(RequestIds.Next()), Patience);
}
