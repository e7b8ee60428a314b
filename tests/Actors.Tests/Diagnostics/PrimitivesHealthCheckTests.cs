using Actors.Diagnostics;
using Actors.Lock;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Tests.Diagnostics;

/// <summary>
/// The health check: Unhealthy while a reported deadlock stands, Degraded while a request has waited longer than the
/// configured time, Healthy otherwise, with the primitives' names in its data.
/// </summary>
public sealed class PrimitivesHealthCheckTests : DeadlockTestKit
{
    private static readonly PrimitivesHealthCheck Default = new();

    [Fact]
    public async Task NothingWaits_IsHealthy()
    {
        await ActorLock.Create(Sys, "idle").WithOwner(Owner("holder").Ref).AcquireAsync();

        var result = await Default.CheckAsync(Sys);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Empty(result.Data);
    }

    [Fact]
    public async Task StandingDeadlock_IsUnhealthy_NamingItsPrimitives_UntilItIsBroken()
    {
        using var cancel = new CancellationTokenSource();
        var (_, _, aWaits, bWaits) = await CrossTwoLocksAsync(cancel.Token);
        ExpectDeadlock();

        var result = await Default.CheckAsync(Sys);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(["l1", "l2"], (string[])result.Data[PrimitivesHealthCheck.DeadlockedKey]);
        Assert.Contains("deadlock: a -> l2 -> b -> l1 -> a", result.Description);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aWaits);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bWaits);
        await AwaitAssertAsync(async () => Assert.Equal(HealthStatus.Healthy, (await Default.CheckAsync(Sys)).Status), ReportWithin);
    }

    [Fact]
    public async Task WaitLongerThanDegradedAfter_IsDegraded_NamingThePrimitive_AndAShorterOneIsNot()
    {
        var busy = ActorLock.Create(Sys, "busy");
        await busy.WithOwner(Owner("holder").Ref).AcquireAsync();
        using var cancel = new CancellationTokenSource();
        var waits = busy.WithOwner(Owner("waiter").Ref).AcquireAsync(cancel.Token);
        var strict = new PrimitivesHealthCheck(new PrimitivesHealthCheckOptions { DegradedAfter = TimeSpan.FromMilliseconds(1) });
        var lenient = new PrimitivesHealthCheck(new PrimitivesHealthCheckOptions { DegradedAfter = TimeSpan.FromHours(1) });

        await AwaitAssertAsync(async () =>
        {
            var result = await strict.CheckAsync(Sys);
            Assert.Equal(HealthStatus.Degraded, result.Status);
            var longWaits = (Dictionary<string, double>)result.Data[PrimitivesHealthCheck.LongWaitsKey];
            Assert.True(longWaits["busy"] >= 1);
            Assert.Contains("busy", result.Description);
        }, ReportWithin);
        Assert.Equal(HealthStatus.Healthy, (await lenient.CheckAsync(Sys)).Status);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waits);
        Assert.Equal(HealthStatus.Healthy, (await strict.CheckAsync(Sys)).Status);
    }
}
