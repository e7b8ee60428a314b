using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>Exceptions that escape a body: Python's <c>threading.excepthook</c>.</summary>
public sealed class ThreadExceptHookTests : ThreadTestKit
{
    [Fact]
    public async Task Run_Throws_HookReceivesTheExceptionAndTheThreadEnds()
    {
        var recorded = RecordExceptions();
        var thread = new ActorThread(Sys, _ => throw new InvalidOperationException("boom"), name: "failing");
        thread.Start();
        await thread.JoinAsync().WaitAsync(Patience);

        var args = Assert.Single(recorded);
        Assert.Same(thread, args.Thread);
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(args.Exception).Message);
        Assert.False(thread.IsAlive);
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public async Task RunAsync_ThrowsAfterAwait_HookRunsInTheFailingThreadBeforeJoinReturns()
    {
        var seenBy = new TaskCompletionSource<ActorThread?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Registry.ExceptHook = _ => seenBy.SetResult(ActorThread.Current);
        var gate = NewGate();
        var thread = new ActorThread(Sys, async _ =>
        {
            await gate.Task;
            throw new FormatException();
        });
        thread.Start();
        var join = thread.JoinAsync();
        gate.SetResult();
        await join.WaitAsync(Patience);
        Assert.True(seenBy.Task.IsCompleted);
        Assert.Same(thread, await seenBy.Task);
    }

    [Fact]
    public async Task Run_Throws_OtherThreadsAreUnaffected()
    {
        var recorded = RecordExceptions();
        var gate = NewGate();
        var probe = CreateTestProbe();
        var survivor = new ActorThread(Sys, _ =>
        {
            gate.Task.Wait();
            probe.Ref.Tell("survivor done");
        });
        survivor.Start();
        var failing = Enumerable.Range(0, 5).Select(i => new ActorThread(Sys, _ => throw new InvalidOperationException($"boom {i}"))).ToList();
        foreach (var thread in failing) thread.Start();
        await Task.WhenAll(failing.Select(t => t.JoinAsync())).WaitAsync(Patience);

        Assert.Equal(5, recorded.Count);
        Assert.True(survivor.IsAlive);
        Assert.Equal(2, await Registry.ActiveCountAsync());
        gate.SetResult();
        probe.ExpectMsg("survivor done");
        await survivor.JoinAsync().WaitAsync(Patience);
        Assert.Equal(5, recorded.Count);
    }

    [Fact]
    public async Task DefaultHook_BodyThrows_PublishesTheArgsOnTheEventStream()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(ThreadExceptHookArgs));
        var error = new ArithmeticException("published");
        var thread = new ActorThread(Sys, _ => throw error);
        thread.Start();

        var args = listener.ExpectMsg<ThreadExceptHookArgs>();
        Assert.Same(error, args.Exception);
        Assert.Same(thread, args.Thread);
        await thread.JoinAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task ExceptHook_ItselfThrows_ThreadStillEndsAndLaterThreadsStillReport()
    {
        var calls = 0;
        Registry.ExceptHook = _ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("hook failure");
        };
        var first = new ActorThread(Sys, _ => throw new InvalidOperationException("first"));
        first.Start();
        await first.JoinAsync().WaitAsync(Patience);

        var second = new ActorThread(Sys, _ => throw new InvalidOperationException("second"));
        second.Start();
        await second.JoinAsync().WaitAsync(Patience);
        Assert.Equal(2, Volatile.Read(ref calls));
        Assert.Equal(1, await Registry.ActiveCountAsync());
    }

    [Fact]
    public async Task Run_ThrowsOperationCanceledForItsOwnReasons_IsReported()
    {
        var recorded = RecordExceptions();
        var thread = new ActorThread(Sys, _ => throw new OperationCanceledException("not the thread's token"));
        thread.Start();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.IsType<OperationCanceledException>(Assert.Single(recorded).Exception);
    }

    [Fact]
    public void ExceptHook_SetToNull_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Registry.ExceptHook = null!);
    }

    [Fact]
    public async Task ExceptHook_Reassigned_TheDefaultCanBeRestored()
    {
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(ThreadExceptHookArgs));
        var recorded = RecordExceptions();
        Registry.ExceptHook = Registry.DefaultExceptHook;
        var thread = new ActorThread(Sys, _ => throw new InvalidOperationException());
        thread.Start();
        listener.ExpectMsg<ThreadExceptHookArgs>();
        await thread.JoinAsync().WaitAsync(Patience);
        Assert.Empty(recorded);
    }
}
