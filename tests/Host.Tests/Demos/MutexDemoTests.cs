using Actors.Host.Demos;

namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 6: the guarded run ends at 0; the unguarded one loses updates.</summary>
public sealed class MutexDemoTests
{
    [Fact]
    public async Task Mutex_WithTheLock_EndsAtZero()
    {
        var lines = await DemoHarness.RunAsync("mutex");
        Assert.Contains("with the lock: n = 0", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("without the lock"));
    }

    [Fact]
    public async Task Mutex_Unsafe_ShowsLostUpdatesNextToTheGuardedRun()
    {
        var lines = await DemoHarness.RunAsync("mutex", new DemoSettings { TimeScale = DemoHarness.FastTimeScale, Unsafe = true });
        Assert.Contains("with the lock: n = 0", lines);
        var unsafeLine = Assert.Single(lines, l => l.StartsWith("without the lock (--unsafe): n = "));
        var n = int.Parse(unsafeLine["without the lock (--unsafe): n = ".Length..].Split(',')[0]);
        Assert.True(n > 0, unsafeLine);
    }

    [Fact]
    public void Catalog_Names_AreUnique()
    {
        Assert.Equal(DemoCatalog.All.Count, DemoCatalog.All.Select(d => d.Name).Distinct().Count());
        Assert.Equal(DemoCatalog.All.Count, DemoCatalog.All.Select(d => d.Number).Distinct().Count());
    }
}
