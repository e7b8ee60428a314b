using System.Diagnostics;

namespace Actors.Host.Compare;

/// <summary>
/// Counts the calls in flight and makes them on the simulated I/O device (<see cref="SimulatedIo"/>). This is the
/// measuring instrument of the semaphore scenarios, the same for every way (so it uses Interlocked); it is not part of
/// what is compared.
/// </summary>
/// <param name="delay">How long one call lasts.</param>
/// <param name="callers">How many callers may call at once (the device's threads).</param>
internal sealed class IoGauge(TimeSpan delay, int callers) : IDisposable
{
    private readonly SimulatedIo _device = new(delay, callers);
    private int _current;
    private int _max;
    private int _calls;
    private long _ioTicks;

    /// <summary>The most calls that were in flight at once.</summary>
    public int Max => Volatile.Read(ref _max);

    /// <summary>The calls made so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How long one simulated I/O call lasted on average, in milliseconds.</summary>
    public double MeanIoMilliseconds => Calls == 0 ? 0 : Stats.TicksToMicros(Interlocked.Read(ref _ioTicks)) / Calls / 1000;

    /// <summary>One call, counted while it is in flight.</summary>
    public async Task CallAsync()
    {
        var now = Interlocked.Increment(ref _current);
        for (var seen = Volatile.Read(ref _max); now > seen; seen = Volatile.Read(ref _max))
            if (Interlocked.CompareExchange(ref _max, now, seen) == seen) break;
        var lasted = await _device.CallAsync();
        Interlocked.Add(ref _ioTicks, lasted);
        Interlocked.Decrement(ref _current);
        Interlocked.Increment(ref _calls);
    }

    public void Dispose() => _device.Dispose();
}
