using System.Collections.Concurrent;
using Actors.Threads;
using Xunit.Abstractions;

namespace Actors.Tests.Threads;

/// <summary>
/// The TestKit of thread and timer tests: gates that bodies wait on, all opened when the test ends (so that no
/// non-daemon thread is left for the system's coordinated shutdown to wait for), and a recorder for the except hook.
/// </summary>
public abstract class ThreadTestKit : CoordinatorTestKit
{
    private readonly ConcurrentQueue<TaskCompletionSource> _gates = new();

    protected ThreadTestKit(ITestOutputHelper? output = null) : base(output)
    {
    }

    /// <summary>The thread registry of the test's actor system.</summary>
    protected ThreadRegistry Registry => ThreadRegistry.Get(Sys);

    /// <summary>A closed gate; opened at the latest when the test ends.</summary>
    protected TaskCompletionSource NewGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates.Enqueue(gate);
        return gate;
    }

    /// <summary>Replaces the system's except hook with one that records what it receives.</summary>
    protected ConcurrentQueue<ThreadExceptHookArgs> RecordExceptions()
    {
        var recorded = new ConcurrentQueue<ThreadExceptHookArgs>();
        Registry.ExceptHook = recorded.Enqueue;
        return recorded;
    }

    /// <summary>Waits until the registry counts <paramref name="expected"/> threads, the main thread included.</summary>
    protected Task AwaitActiveCountAsync(int expected) =>
        AwaitAssertAsync(async () => Assert.Equal(expected, await Registry.ActiveCountAsync()), Patience);

    protected override void AfterAll()
    {
        foreach (var gate in _gates) gate.TrySetResult();
        base.AfterAll();
    }
}
