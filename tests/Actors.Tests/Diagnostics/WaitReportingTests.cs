using Actors.Diagnostics;
using Actors.Lock;
using Actors.Owners;
using Akka.Configuration;

namespace Actors.Tests.Diagnostics;

/// <summary>Coordinators tell the deadlock detector of a wait only once it has lasted report-after.</summary>
public sealed class WaitReportingTests() : CoordinatorTestKit("actors.deadlock-detection.report-after = 10m")
{
    [Fact]
    public async Task ShortContendedWaits_OfNamedOwners_SendNothingToTheDetector()
    {
        await using var a = ActorOwner.Create(Sys, "a");
        await using var b = ActorOwner.Create(Sys, "b");
        var mutex = ActorLock.Create(Sys, "contended");
        for (var i = 0; i < 20; i++)
        {
            await mutex.WithOwner(a.Ref).AcquireAsync();
            var bWaits = mutex.WithOwner(b.Ref).AcquireAsync();
            await Waiters.AwaitAsync(this, mutex, 1);
            await mutex.ReleaseAsync();
            await bWaits.WaitAsync(Patience);
            await mutex.ReleaseAsync();
        }

        Assert.False(Sys.HasExtension<DeadlockDetection>(), "no wait lasted ten minutes, so none was reported");
    }

    [Fact]
    public void Settings_ReportAfter_IsReadAndCheckedFromConfig()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), DeadlockDetectionSettings.FromConfig(Sys.Settings.Config).ReportAfter);
        Assert.Equal(DeadlockDetectionSettings.DefaultReportAfter, DeadlockDetectionSettings.FromConfig(ConfigurationFactory.Empty).ReportAfter);
        Assert.Equal(TimeSpan.Zero, DeadlockDetectionSettings.FromConfig(
            ConfigurationFactory.ParseString("actors.deadlock-detection.report-after = 0s")).ReportAfter);
        Assert.Throws<ConfigurationException>(() => DeadlockDetectionSettings.FromConfig(
            ConfigurationFactory.ParseString("actors.deadlock-detection.report-after = -1s")));
    }
}

/// <summary>With report-after zero, a named wait reaches the detector at once.</summary>
public sealed class ImmediateWaitReportingTests() : CoordinatorTestKit("actors.deadlock-detection.report-after = 0s")
{
    [Fact]
    public async Task NamedWait_IsReportedAtOnce()
    {
        await using var a = ActorOwner.Create(Sys, "a");
        await using var b = ActorOwner.Create(Sys, "b");
        var mutex = ActorLock.Create(Sys, "reported");
        await mutex.WithOwner(a.Ref).AcquireAsync();
        var bWaits = mutex.WithOwner(b.Ref).AcquireAsync();

        await AwaitAssertAsync(() => Assert.True(Sys.HasExtension<DeadlockDetection>()));
        await mutex.ReleaseAsync();
        await bWaits.WaitAsync(Patience);
    }
}
