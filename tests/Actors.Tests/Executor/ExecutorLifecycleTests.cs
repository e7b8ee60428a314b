using Actors.Executor;
using Actors.Tests.Threads;

namespace Actors.Tests.Executor;

/// <summary>An executor whose pool broke or whose actor system is gone: every call answers at once.</summary>
public sealed class ExecutorLifecycleTests : CoordinatorTestKit
{
    [Fact]
    public async Task BrokenPool_AfterAFutureFailedWithIt_SubmitThrowsAtOnce_ShutdownStillWorks()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 2, Initializer = () => throw new InvalidDataException("no config") });
        var first = executor.Submit(() => 1);
        await Assert.ThrowsAsync<BrokenExecutorException>(() => first.ResultAsync(Patience));

        var error = Assert.Throws<BrokenExecutorException>(() => executor.Submit(() => 2));
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Throws<BrokenExecutorException>(() => executor.Submit(() => Task.FromResult(3)));
        await executor.ShutdownAsync(wait: true).WaitAsync(Patience);
        Assert.True((await executor.GetStateAsync()).IsShutDown);
    }

    [Fact]
    public async Task BrokenPool_FacadeThatSubmittedNothing_LearnsFromTheStateAndThrows()
    {
        var executor = ActorExecutor.Create(Sys, new ExecutorOptions { MaxWorkers = 1, Initializer = () => throw new InvalidDataException("no config") });
        await AwaitAssertAsync(async () => Assert.True((await executor.GetStateAsync()).IsBroken), Patience);

        Assert.Throws<BrokenExecutorException>(() => executor.Submit(() => 1));
    }

    [Fact]
    public async Task SystemTerminated_EveryExecutorCallFailsAtOnceWithObjectDisposed()
    {
        var system = ShutdownSystems.Create();
        var executor = ActorExecutor.Create(system, new ExecutorOptions { MaxWorkers = 1 });
        Assert.Equal(1, await executor.Submit(() => 1).ResultAsync(Patience));
        await system.Terminate().WaitAsync(Patience);

        // Well within the 30 s backstop that a plain Ask would wait for (and a shutdown that waits would never end).
        var atOnce = TimeSpan.FromSeconds(10);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => executor.GetStateAsync().WaitAsync(atOnce));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => executor.ShutdownAsync(wait: false).WaitAsync(atOnce));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => executor.ShutdownAsync(wait: true).WaitAsync(atOnce));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => executor.DisposeAsync().AsTask().WaitAsync(atOnce));
    }

    [Fact]
    public async Task SystemTerminated_SubmitFailsItsFutureAtOnce()
    {
        var system = ShutdownSystems.Create();
        var executor = ActorExecutor.Create(system, new ExecutorOptions { MaxWorkers = 1 });
        await system.Terminate().WaitAsync(Patience);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => executor.Submit(() => 1).ResultAsync(TimeSpan.FromSeconds(10)));
    }
}
