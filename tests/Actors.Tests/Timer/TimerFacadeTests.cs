using Actors.Tests.Threads;
using Actors.Threads;
using Actors.Timer;

namespace Actors.Tests.Timer;

/// <summary>The facade <see cref="ActorTimer"/>: Python's <c>threading.Timer</c>.</summary>
public sealed class TimerFacadeTests : ThreadTestKit
{
    [Fact]
    public async Task Start_IntervalPasses_FiresOnceWithItsArgsAndEnds()
    {
        var probe = CreateTestProbe();
        var timer = new ActorTimer(Sys, TestTimes.Short, args => probe.Ref.Tell($"fired {args[0]}"), ["x"]);
        timer.Start();
        probe.ExpectMsg("fired x");
        Assert.True(await timer.JoinAsync(Patience));
        Assert.False(timer.IsAlive);
        probe.ExpectNoMsg(TimeSpan.Zero); // the body has ended: a second firing would already be here
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public async Task Start_ArgumentlessAndAsyncFunctions_FireOnce()
    {
        var probe = CreateTestProbe();
        var plain = new ActorTimer(Sys, TimeSpan.Zero, () => probe.Ref.Tell("plain"));
        var async = new ActorTimer(Sys, TestTimes.Short, async (args, _) =>
        {
            await Task.Yield();
            probe.Ref.Tell($"async {args[0]}");
        }, [7]);
        plain.Start();
        probe.ExpectMsg("plain");
        async.Start();
        probe.ExpectMsg("async 7");
        await Task.WhenAll(plain.JoinAsync(), async.JoinAsync()).WaitAsync(Patience);
        probe.ExpectNoMsg(TimeSpan.Zero); // both bodies have ended: a second firing would already be here
    }

    [Fact]
    public async Task Cancel_BeforeItFires_TheTimerEndsAndNeverFires()
    {
        var probe = CreateTestProbe();
        var held = new ActorTimer(Sys, TestTimes.Held, () => probe.Ref.Tell("held fired"));
        var control = new ActorTimer(Sys, TestTimes.Short, () => probe.Ref.Tell("control fired"));
        held.Start();
        Assert.True(held.IsAlive);
        Assert.True(await held.CancelAsync());
        Assert.True(await held.JoinAsync(Patience));
        Assert.False(held.IsAlive);

        control.Start();
        probe.ExpectMsg("control fired");
        Assert.True(await control.JoinAsync(Patience));
        probe.ExpectNoMsg(TimeSpan.Zero); // both bodies have ended: the cancelled one never fired
        Assert.True(await held.CancelAsync());
    }

    [Fact]
    public async Task Cancel_FireAndForgetBeforeItFires_TheTimerEndsAndNeverFires()
    {
        var probe = CreateTestProbe();
        var held = new ActorTimer(Sys, TestTimes.Held, () => probe.Ref.Tell("held fired"));
        held.Start();
        held.Cancel();
        held.Cancel();
        Assert.True(await held.JoinAsync(Patience));
        Assert.True(await held.CancelAsync());
        probe.ExpectNoMsg(TimeSpan.Zero); // the body has ended without firing
    }

    [Fact]
    public async Task Cancel_BeforeStart_TheStartedTimerEndsWithoutFiring()
    {
        var probe = CreateTestProbe();
        var timer = new ActorTimer(Sys, TestTimes.Held, () => probe.Ref.Tell("fired"));
        timer.Cancel();
        Assert.True(await timer.CancelAsync());
        timer.Start();
        Assert.True(await timer.JoinAsync(Patience));
        Assert.True(await timer.CancelAsync());
        Assert.Equal(1, await Registry.ActiveCountAsync());
        probe.ExpectNoMsg(TimeSpan.Zero); // the body has ended without firing
    }

    [Fact]
    public async Task Cancel_AfterItFired_ChangesNothingWhileOrAfterTheFunctionRuns()
    {
        var probe = CreateTestProbe();
        var gate = NewGate();
        var timer = new ActorTimer(Sys, TestTimes.Short, () =>
        {
            probe.Ref.Tell("fired");
            gate.Task.Wait();
            probe.Ref.Tell("function done");
        });
        timer.Start();
        probe.ExpectMsg("fired");
        Assert.False(await timer.CancelAsync());
        timer.Cancel();
        Assert.True(timer.IsAlive);

        gate.SetResult();
        probe.ExpectMsg("function done");
        Assert.True(await timer.JoinAsync(Patience));
        Assert.False(await timer.CancelAsync());
        timer.Cancel();
        probe.ExpectNoMsg(TimeSpan.Zero); // the body had ended: a cancel afterwards runs nothing
    }

    [Fact]
    public async Task IsAlive_WhileWaitingForTheInterval_TrueAndCountedByTheRegistry()
    {
        var timer = new ActorTimer(Sys, TestTimes.Held, () => { }, name: "pending");
        timer.Start();
        Assert.True(timer.IsAlive);
        Assert.False(await timer.JoinAsync(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(2, await Registry.ActiveCountAsync());
        Assert.Contains(timer, await Registry.EnumerateAsync());

        await timer.CancelAsync();
        await timer.JoinAsync().WaitAsync(Patience);
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public async Task Function_Throws_GoesToTheExceptHookAndTheTimerEnds()
    {
        var recorded = RecordExceptions();
        var timer = new ActorTimer(Sys, TimeSpan.Zero, () => throw new InvalidOperationException("timer boom"));
        timer.Start();
        Assert.True(await timer.JoinAsync(Patience));
        var args = Assert.Single(recorded);
        Assert.Same(timer, args.Thread);
        Assert.Equal("timer boom", args.Exception.Message);
        Assert.False(await timer.CancelAsync());
    }

    [Fact]
    public async Task Function_Running_CurrentThreadIsTheTimer()
    {
        var seen = new TaskCompletionSource<ActorThread>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = new ActorTimer(Sys, TimeSpan.Zero, () => seen.SetResult(Sys.CurrentThread()));
        timer.Start();
        Assert.Same(timer, await seen.Task.WaitAsync(Patience));
        await timer.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public void Start_Twice_ThrowsInvalidOperationException()
    {
        var timer = new ActorTimer(Sys, TestTimes.Held, () => { });
        timer.Start();
        Assert.Throws<InvalidOperationException>(timer.Start);
        timer.Cancel();
    }

    [Fact]
    public void Constructor_Defaults_ThreadNNameNonDaemonAndTheInterval()
    {
        var timer = new ActorTimer(Sys, TimeSpan.FromSeconds(3), () => { });
        Assert.Equal(("Thread-1", false, TimeSpan.FromSeconds(3), (long?)null), (timer.Name, timer.Daemon, timer.Interval, timer.Ident));
        Assert.Equal("ActorTimer(Thread-1, initial)", timer.ToString());
        Assert.True(new ActorTimer(Sys, TestTimes.Short, () => { }, name: "t", daemon: true).Daemon);
    }

    [Fact]
    public void Constructor_NegativeIntervalOrNullFunction_ThrowsWithoutTakingAName()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActorTimer(Sys, TimeSpan.FromMilliseconds(-1), () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActorTimer(Sys, TimeSpan.FromMilliseconds(-1), _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActorTimer(Sys, TimeSpan.FromMilliseconds(-1), (_, _) => Task.CompletedTask));
        Assert.Throws<ArgumentNullException>(() => new ActorTimer(Sys, TestTimes.Short, (Action)null!));
        Assert.Throws<ArgumentNullException>(() => new ActorTimer(Sys, TestTimes.Short, (Action<object?[]>)null!));
        Assert.Throws<ArgumentNullException>(() => new ActorTimer(Sys, TestTimes.Short, (Func<object?[], CancellationToken, Task>)null!));
        Assert.Equal("Thread-1", new ActorTimer(Sys, TestTimes.Short, () => { }).Name);
    }
}
