using Actors.Threads;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 27 (threading 其他函数): <c>active_count()</c>, <c>current_thread()</c> and <c>enumerate()</c>. Three
/// threads are started and held open; the counts and lists follow them as they are let go and joined: 4 alive
/// (the main thread and three), then 3, then 1.
/// </summary>
/// <remarks>
/// Each thread waits on its own gate until the main program lets it go, so what is alive when the main program asks
/// is certain, not a matter of sleep lengths. A thread leaves the count once a join of it has returned.
/// </remarks>
internal sealed class ThreadsInfoDemo : IDemo
{
    private const int Workers = 3;

    public int Number => 27;

    public string Name => "threads-info";

    public string Title => "active_count(), current_thread() and enumerate() follow the threads started and still alive";

    public async Task RunAsync(DemoContext context)
    {
        var system = context.System;
        await PrintAsync(context, "before any start");
        context.WriteLine($"current_thread() in the main program: {system.CurrentThread().Name}");

        using var ready = new CountdownEvent(Workers);
        var gates = Enumerable.Range(0, Workers).Select(_ => new ManualResetEventSlim()).ToList();
        try
        {
            var threads = Enumerable.Range(0, Workers).Select(i => new ActorThread(system, ct =>
            {
                context.WriteLine($"current_thread() in a body: {system.CurrentThread().Name}");
                ready.Signal();
                gates[i].Wait(ct);
            }, name: $"worker-{i + 1}")).ToList();
            foreach (var t in threads) t.Start();
            ready.Wait(context.Cancellation);
            await PrintAsync(context, $"{Workers} threads started, all waiting");

            gates[0].Set();
            await threads[0].JoinAsync(context.Cancellation);
            await PrintAsync(context, $"{threads[0].Name} let go and joined (is_alive: {threads[0].IsAlive})");

            foreach (var gate in gates) gate.Set();
            foreach (var t in threads) await t.JoinAsync(context.Cancellation);
            await PrintAsync(context, "all let go and joined");
        }
        finally
        {
            foreach (var gate in gates) gate.Dispose();
        }
    }

    private static async Task PrintAsync(DemoContext context, string when)
    {
        var count = await context.System.ActiveThreadCountAsync();
        var threads = await context.System.EnumerateThreadsAsync();
        context.WriteLine($"{when}: active_count() = {count}, enumerate() = [{string.Join(", ", threads.Select(t => t.Name))}]");
    }
}
