using System.Collections.Concurrent;

namespace Actors.Tests.Executor;

/// <summary>
/// Jobs that block on a gate the test opens, recording when they start and finish: the tutorial's sleeps made
/// deterministic. A job named n blocks its worker thread, as <c>time.sleep(n)</c> would.
/// </summary>
internal sealed class Gates
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();

    public ConcurrentQueue<int> Started { get; } = new();

    public ConcurrentQueue<int> Finished { get; } = new();

    public void Open(int name) => Gate(name).TrySetResult();

    /// <summary>The job body: blocks until its gate opens, then returns its name.</summary>
    public int Run(int name)
    {
        Started.Enqueue(name);
        if (!Gate(name).Task.Wait(TimeSpan.FromMinutes(1))) throw new TimeoutException($"gate {name} never opened");
        Finished.Enqueue(name);
        return name;
    }

    private TaskCompletionSource Gate(int name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
