using Actors.Executor;

namespace Actors.Tests.Executor;

/// <summary>
/// How a submitted job's outcome reaches its future: through a reply target for a local coordinator, through <c>Ask</c>
/// for any other reference, and never by leaving the future pending when the job cannot be delivered.
/// </summary>
public sealed class SubmitPathTests : CoordinatorTestKit
{
    private readonly Gates _gates = new();

    [Fact]
    public async Task Submit_CoordinatorStopped_FailsTheFutureInsteadOfHanging()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        Watch(executor.Coordinator);
        Sys.Stop(executor.Coordinator);
        ExpectTerminated(executor.Coordinator);

        var future = executor.Submit(() => 1);

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => future.ResultAsync(Patience));
        Assert.Contains(executor.Coordinator.Path.Name, error.Message);
        Assert.Equal(FutureState.Finished, future.State);
    }

    [Fact]
    public async Task Submit_CoordinatorStoppedWithJobsQueued_EachQueuedJobRunsOrFailsNoneHangs()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var running = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(running.IsRunning), Patience);
        var queued = Enumerable.Range(2, 3).Select(n => executor.Submit(() => n)).ToList();
        await AwaitAssertAsync(async () => Assert.Equal(4, (await executor.GetStateAsync()).InFlight), Patience);

        Sys.Stop(executor.Coordinator);
        _gates.Open(1);

        Assert.Equal(1, await running.ResultAsync(Patience));
        for (var i = 0; i < queued.Count; i++)
        {
            // The worker may take a queued job before the stop reaches it; a job it never takes fails its future.
            var error = await queued[i].ExceptionAsync(Patience);
            if (error is null) Assert.Equal(i + 2, await queued[i]);
            else Assert.IsType<ObjectDisposedException>(error);
        }
    }

    [Fact]
    public async Task Submit_LocalCoordinator_EveryOutcomeReachesItsFuture()
    {
        await using var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        await AssertEveryOutcomeAsync(executor);
    }

    [Fact]
    public async Task Submit_CoordinatorBehindNonLocalReference_FallsBackToAskWithTheSameOutcomes()
    {
        var local = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1 });
        var relay = new Relay(local.Coordinator, (ExtendedActorSystem)Sys);
        Assert.Null(Actors.Internal.ReplyTarget.ProviderFor(relay));
        await using var executor = await ActorExecutor.AttachAsync(relay).WaitAsync(Patience);

        await AssertEveryOutcomeAsync(executor);
    }

    /// <summary>A result, an exception, a job cancelled before it started, and a submit refused after a shutdown.</summary>
    private async Task AssertEveryOutcomeAsync(ActorExecutor executor)
    {
        var result = executor.Submit(() => 41 + 1);
        var failure = executor.Submit(() => Fail(new FormatException("bad page")));
        var blocker = executor.Submit(() => _gates.Run(1));
        await AwaitAssertAsync(() => Assert.True(blocker.IsRunning), Patience);
        var ran = 0;
        var skipped = executor.Submit(() => Interlocked.Increment(ref ran));
        Assert.True(skipped.Cancel());
        _gates.Open(1);

        Assert.Equal(42, await result.ResultAsync(Patience));
        await Assert.ThrowsAsync<FormatException>(() => failure.ResultAsync(Patience));
        Assert.Equal(1, await blocker.ResultAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => skipped.ResultAsync(Patience));
        await AwaitAssertAsync(async () => Assert.Equal(0, (await executor.GetStateAsync()).InFlight), Patience);
        Assert.Equal(0, ran);

        var other = await ActorExecutor.AttachAsync(executor.Coordinator).WaitAsync(Patience);
        await other.ShutdownAsync().WaitAsync(Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => executor.Submit(() => 1).ResultAsync(Patience));
    }

    private static int Fail(Exception error) => throw error;

    /// <summary>A reference that is not a local actor (as a remote one would not be) and passes every message on.</summary>
    private sealed class Relay(IActorRef target, ExtendedActorSystem system) : MinimalActorRef
    {
        public override ActorPath Path { get; } = system.Provider.TempPath();

        public override IActorRefProvider Provider => system.Provider;

        protected override void TellInternal(object message, IActorRef sender) => target.Tell(message, sender);
    }
}
