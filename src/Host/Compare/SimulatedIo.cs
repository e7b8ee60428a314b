using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Host.Compare;

/// <summary>
/// The comparison's simulated I/O device: a call is a kernel sleep of the asked length (<see cref="Thread.Sleep(int)"/>,
/// a <c>nanosleep</c> on Linux, finished by a spin on <see cref="Stopwatch"/> for any part below a millisecond) on one of
/// the device's own threads, and the caller awaits its completion, as awaited I/O is done elsewhere and holds none of
/// the caller's threads. The device has a thread for every possible caller, so it never limits how many calls run at once.
/// </summary>
/// <remarks>
/// <see cref="Task.Delay(TimeSpan)"/> is no simulated I/O of a given length: on the loaded 2-core machine a 1 ms delay
/// lasted 4–12 ms (the timer queue's resolution, then its callback's wait for a pool thread), and a wait that spins
/// and yields on the thread pool lasted 4 ms under load (it runs only when a pool thread gets the CPU), while CPython's
/// <c>time.sleep(0.001)</c>, which the Python script's threads call, is the same kernel sleep and lasts about 1 ms. A
/// sleeping thread is woken by the kernel's timer, on time even on a busy machine. Every call measures how long it
/// really lasted, and the check of a run reports the mean, so the ways can be seen to wait alike.
/// </remarks>
internal sealed class SimulatedIo : IDisposable
{
    private readonly TimeSpan _duration;
    private readonly BlockingCollection<TaskCompletionSource<long>> _calls = new();
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="threads"/> device threads, each serving one call of <paramref name="duration"/> at a time.</summary>
    public SimulatedIo(TimeSpan duration, int threads)
    {
        _duration = duration;
        _threads = Enumerable.Range(0, threads).Select(i => new Thread(Serve) { IsBackground = true, Name = $"simulated-io-{i}" }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>One I/O call; its result is how long the call lasted, in <see cref="Stopwatch"/> ticks.</summary>
    public Task<long> CallAsync()
    {
        var call = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls.Add(call);
        return call.Task;
    }

    /// <summary>Lets the device threads finish the calls given so far, then end.</summary>
    public void Dispose()
    {
        _calls.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        _calls.Dispose();
    }

    private void Serve()
    {
        foreach (var call in _calls.GetConsumingEnumerable())
        {
            var start = Stopwatch.GetTimestamp();
            SleepPrecisely(start + (long)(_duration.TotalSeconds * Stopwatch.Frequency));
            call.TrySetResult(Stopwatch.GetTimestamp() - start);
        }
    }

    private static void SleepPrecisely(long deadline)
    {
        var wholeMilliseconds = (int)((deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency);
        if (wholeMilliseconds > 0) Thread.Sleep(wholeMilliseconds);
        var spin = new SpinWait();
        while (Stopwatch.GetTimestamp() < deadline) spin.SpinOnce(sleep1Threshold: -1);
    }
}
