using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Diagnostics;

/// <summary>
/// The health of an actor system's primitives, for <c>Microsoft.Extensions.Diagnostics.HealthChecks</c>:
/// <b>Unhealthy</b> while a deadlock the detector reported stands (data <c>deadlocked</c>: the primitives of its
/// cycles), <b>Degraded</b> while a request has waited longer than <see cref="PrimitivesHealthCheckOptions.DegradedAfter"/>
/// (data <c>long_waits</c>: the primitives, each with its longest current wait in milliseconds), <b>Healthy</b>
/// otherwise. Register it with <see cref="Hosting.ActorPrimitivesHostingExtensions.WithPrimitivesHealthCheck"/>.
/// </summary>
/// <remarks>
/// Python has nothing like it. A check asks the detector for its standing deadlocks and every coordinator of
/// <see cref="PrimitiveRegistry"/> for its <see cref="Protocol.CoordinatorProtocol.Statistics"/>: messages, no shared
/// state, one round trip per coordinator.
/// </remarks>
public sealed class PrimitivesHealthCheck : IAkkaHealthCheck
{
    /// <summary>The data key listing the primitives of standing deadlocks.</summary>
    public const string DeadlockedKey = "deadlocked";

    /// <summary>The data key listing the primitives with long waits.</summary>
    public const string LongWaitsKey = "long_waits";

    private readonly TimeSpan _degradedAfter;
    private readonly TimeSpan _queryTimeout;

    /// <summary>Creates the check with <paramref name="options"/> (defaults if null).</summary>
    public PrimitivesHealthCheck(PrimitivesHealthCheckOptions? options = null)
    {
        _degradedAfter = options?.DegradedAfter ?? PrimitivesHealthCheckOptions.DefaultDegradedAfter;
        _queryTimeout = options?.QueryTimeout ?? PrimitivesHealthCheckOptions.DefaultQueryTimeout;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckAsync(context.ActorSystem, cancellationToken);
    }

    /// <summary>Checks the primitives of <paramref name="system"/>.</summary>
    public async Task<HealthCheckResult> CheckAsync(ActorSystem system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var deadlocks = await DeadlockDetection.Get(system).GetCurrentDeadlocksAsync(_queryTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (deadlocks.Count > 0)
        {
            var primitives = deadlocks.SelectMany(d => d.Cycle).Select(p => p.WaitsFor.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
            return HealthCheckResult.Unhealthy(
                $"{deadlocks.Count} deadlock(s) between {string.Join(", ", primitives)}: {deadlocks[0].Describe()[0]}",
                data: new Dictionary<string, object> { [DeadlockedKey] = primitives });
        }

        var statistics = await PrimitiveRegistry.Get(system).GetStatisticsAsync(_queryTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        var longWaits = statistics.Where(s => s.LongestWaitMs >= _degradedAfter.TotalMilliseconds)
            .ToDictionary(s => s.Name, s => Math.Round(s.LongestWaitMs), StringComparer.Ordinal);
        if (longWaits.Count > 0)
        {
            return HealthCheckResult.Degraded(
                $"Requests have waited longer than {_degradedAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s at {string.Join(", ", longWaits.Keys)}.",
                data: new Dictionary<string, object> { [LongWaitsKey] = longWaits });
        }

        return HealthCheckResult.Healthy($"{statistics.Count} primitives, no deadlock, no wait longer than {_degradedAfter}.");
    }
}
