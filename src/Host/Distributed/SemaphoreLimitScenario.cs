using System.Diagnostics;
using Actors.Host.Compare;

namespace Actors.Host.Distributed;

/// <summary>
/// Clients do simulated I/O (<see cref="IoGauge"/>, a kernel sleep of 1 ms by default on a device thread) while holding a
/// permit of one semaphore. Checked: every call made, never more calls at once than permits.
/// </summary>
internal sealed class SemaphoreLimitScenario : IDistributedScenario
{
    public string Name => "semaphore";
    public string Title => "a semaphore limits concurrent work: each client holds a permit for a simulated I/O call (a kernel sleep on a device thread)";
    public string Unit => "call";
    public string LatencyMeaning => "the wait for a permit";

    public async Task<RunOutcome> RunAsync(IDistributedWay way, DistributedSizes sizes, string run, CancellationToken cancellation)
    {
        var (clients, calls, permits) = (sizes.SemaphoreClients, sizes.CallsPerSemaphoreClient, sizes.SemaphorePermits);
        var name = $"{run}-{Name}";
        using var gauge = new IoGauge(sizes.SemaphoreWork, clients);
        var recorders = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder(calls)).ToArray();
        await (await way.EnterSemaphoreAsync(name, permits, 0, cancellation)).DisposeAsync(); // created before the clock starts
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await using var hold = await way.EnterSemaphoreAsync(name, permits, client, cancellation);
                recorders[client].Add(start);
                await gauge.CallAsync();
            }
        }, cancellation)));
        var elapsed = clock.Elapsed;
        var expected = clients * calls;
        return new RunOutcome(expected, elapsed, gauge.Calls == expected && gauge.Max <= permits,
            $"{gauge.Calls} of {expected} calls, at most {gauge.Max} at once (permits {permits}), I/O {gauge.MeanIoMilliseconds:0.00} ms mean",
            LatencyRecorder.Merge(recorders));
    }
}
