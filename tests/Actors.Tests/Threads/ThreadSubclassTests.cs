using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>Threads defined by deriving from <see cref="ActorThread"/>, the tutorial's <c>class MyThread(threading.Thread)</c>.</summary>
public sealed class ThreadSubclassTests : ThreadTestKit
{
    [Fact]
    public async Task Subclass_OverridingRun_RunsItAsTheBody()
    {
        var probe = CreateTestProbe();
        var gate = NewGate();
        var (t1, t2) = (new CountdownThread(Sys, "t1", probe.Ref, gate.Task), new CountdownThread(Sys, "t2", probe.Ref, gate.Task));
        t1.Start();
        t2.Start();
        Assert.Equal(new[] { "task t1", "task t2" }, new[] { probe.ExpectMsg<string>(), probe.ExpectMsg<string>() }.Order());
        Assert.Equal(3, await Registry.ActiveCountAsync());

        gate.SetResult();
        await Task.WhenAll(t1.JoinAsync(), t2.JoinAsync()).WaitAsync(Patience);
        Assert.Equal(new[] { "0s t1", "0s t2" }, new[] { probe.ExpectMsg<string>(), probe.ExpectMsg<string>() }.Order());
        Assert.Equal(("Thread-1", "Thread-2"), (t1.Name, t2.Name));
    }

    [Fact]
    public async Task Subclass_OverridingRunAsync_RunsItAsTheBodyWithItselfCurrent()
    {
        var gate = NewGate();
        var thread = new AsyncThread(Sys, gate.Task);
        thread.Start();
        gate.SetResult();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Same(thread, await thread.SeenAsCurrent.Task);
    }

    [Fact]
    public async Task Subclass_OverridingNothing_EndsAtOnceWithoutError()
    {
        var recorded = RecordExceptions();
        var thread = new EmptyThread(Sys);
        thread.Start();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Empty(recorded);
    }

    private sealed class CountdownThread(ActorSystem system, string n, IActorRef probe, Task gate) : ActorThread(system)
    {
        protected override void Run(CancellationToken cancellationToken)
        {
            probe.Tell($"task {n}");
            gate.Wait(cancellationToken);
            probe.Tell($"0s {n}");
        }
    }

    private sealed class AsyncThread(ActorSystem system, Task gate) : ActorThread(system, name: "async")
    {
        public TaskCompletionSource<ActorThread?> SeenAsCurrent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task RunAsync(CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            await Task.Yield();
            SeenAsCurrent.SetResult(Current);
        }
    }

    private sealed class EmptyThread(ActorSystem system) : ActorThread(system);
}
