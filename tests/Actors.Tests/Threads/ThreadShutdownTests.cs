using System.Collections.Concurrent;
using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>
/// Coordinated shutdown waits for non-daemon threads and abandons daemon threads (the tutorial's daemon and join
/// examples). Each test shuts down an actor system of its own.
/// </summary>
public sealed class ThreadShutdownTests : ThreadTestKit
{
    [Fact]
    public async Task CoordinatedShutdown_NonDaemonThreadRunning_WaitsForItsEndBeforeTerminating()
    {
        var system = ShutdownSystems.Create();
        try
        {
            var gate = NewGate();
            var thread = new ActorThread(system, _ => gate.Task.Wait(), name: "worker");
            var aliveWhenTerminating = ShutdownSystems.ObserveBeforeTermination(system, () => thread.IsAlive);
            thread.Start();

            _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance);
            await AwaitShutdownWaitingAsync(system);
            Assert.False(system.WhenTerminated.IsCompleted);
            Assert.False(aliveWhenTerminating.IsCompleted);
            Assert.True(thread.IsAlive);

            gate.SetResult();
            await system.WhenTerminated.WaitAsync(Patience);
            Assert.False(await aliveWhenTerminating);
            Assert.True(await thread.JoinAsync(TimeSpan.Zero));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Terminate_NonDaemonThreadRunning_AlsoWaitsForIt()
    {
        var system = ShutdownSystems.Create();
        try
        {
            var gate = NewGate();
            var thread = new ActorThread(system, async _ => await gate.Task);
            var aliveWhenTerminating = ShutdownSystems.ObserveBeforeTermination(system, () => thread.IsAlive);
            thread.Start();

            _ = system.Terminate();
            await AwaitShutdownWaitingAsync(system);
            Assert.False(system.WhenTerminated.IsCompleted);

            gate.SetResult();
            await system.WhenTerminated.WaitAsync(Patience);
            Assert.False(await aliveWhenTerminating);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task CoordinatedShutdown_DaemonThreadRunning_TerminatesWithoutWaitingAndCancelsItsToken()
    {
        var system = ShutdownSystems.Create();
        var gate = NewGate();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var returned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // A body that ignores its token: it blocks until the gate opens, whatever happens to the system.
            var thread = new ActorThread(system, ct =>
            {
                ct.Register(tokenCancelled.SetResult);
                running.SetResult();
                gate.Task.Wait();
                returned.SetResult();
            }, daemon: true);
            thread.Start();
            await running.Task.WaitAsync(Patience);

            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Patience);
            await system.WhenTerminated.WaitAsync(Patience);
            await tokenCancelled.Task.WaitAsync(Patience);
            Assert.False(returned.Task.IsCompleted);
            Assert.True(thread.IsAlive);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => thread.JoinAsync().WaitAsync(Patience));
        }
        finally
        {
            gate.TrySetResult();
            await system.Terminate();
        }

        await returned.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task CoordinatedShutdown_CooperativeDaemonThread_StopsQuietlyWhenItsTokenIsCancelled()
    {
        var system = ShutdownSystems.Create();
        var recorded = new ConcurrentQueue<ThreadExceptHookArgs>();
        ThreadRegistry.Get(system).ExceptHook = recorded.Enqueue;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var returned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = NewGate();
        try
        {
            var thread = new ActorThread(system, async ct =>
            {
                running.SetResult();
                try
                {
                    await gate.Task.WaitAsync(ct);
                }
                finally
                {
                    returned.SetResult();
                }
            }, daemon: true);
            thread.Start();
            await running.Task.WaitAsync(Patience);

            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Patience);
            await returned.Task.WaitAsync(Patience);
            Assert.False(gate.Task.IsCompleted);
            Assert.Empty(recorded);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task CoordinatedShutdown_DaemonAndNonDaemon_WaitsOnlyForTheNonDaemon()
    {
        var system = ShutdownSystems.Create();
        var (workerGate, daemonGate) = (NewGate(), NewGate());
        try
        {
            var worker = new ActorThread(system, _ => workerGate.Task.Wait(), name: "worker");
            var daemon = new ActorThread(system, _ => daemonGate.Task.Wait(), name: "daemon", daemon: true);
            var aliveWhenTerminating = ShutdownSystems.ObserveBeforeTermination(system, () => (worker.IsAlive, daemon.IsAlive));
            worker.Start();
            daemon.Start();

            _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance);
            await AwaitShutdownWaitingAsync(system);
            workerGate.SetResult();
            await system.WhenTerminated.WaitAsync(Patience);
            Assert.Equal((false, true), await aliveWhenTerminating);
        }
        finally
        {
            daemonGate.TrySetResult();
            await system.Terminate();
        }
    }

    [Fact]
    public async Task CoordinatedShutdown_NonDaemonOutlastsThePhase_SystemStillTerminatesAndCancelsItsToken()
    {
        var system = ShutdownSystems.Create("500ms");
        var gate = NewGate();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var thread = new ActorThread(system, ct =>
            {
                ct.Register(tokenCancelled.SetResult);
                running.SetResult();
                gate.Task.Wait();
            }, name: "stubborn");
            thread.Start();
            await running.Task.WaitAsync(Patience);

            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Patience);
            await system.WhenTerminated.WaitAsync(Patience);
            await tokenCancelled.Task.WaitAsync(Patience);
            Assert.True(thread.IsAlive);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => thread.JoinAsync(Patience).WaitAsync(Patience));
        }
        finally
        {
            gate.TrySetResult();
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Start_AfterTheSystemTerminated_ThrowsAndLeavesTheThreadUnstarted()
    {
        var system = ShutdownSystems.Create();
        var thread = new ActorThread(system, _ => { });
        await system.Terminate();
        Assert.Throws<InvalidOperationException>(thread.Start);
        Assert.False(thread.IsAlive);
        Assert.Null(thread.Ident);
        Assert.Null(thread.Coordinator);
        thread.Daemon = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.JoinAsync());
    }

    /// <summary>Waits until the shutdown's wait for non-daemon threads is in place in the registry.</summary>
    private Task AwaitShutdownWaitingAsync(ActorSystem system) => AwaitAssertAsync(async () =>
    {
        var state = await ThreadRegistry.Get(system).Coordinator
            .Ask<ThreadRegistryProtocol.RegistryState>(new ThreadRegistryProtocol.GetState(RequestIds.Next()), Patience);
        Assert.Equal(1, state.WaitingForNonDaemon);
    }, Patience, TestTimes.PollInterval);
}
