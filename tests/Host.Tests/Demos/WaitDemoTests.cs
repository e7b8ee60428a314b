namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 23: wait(ALL_COMPLETED) returns after every job, so "main" follows the three finished lines.</summary>
public sealed class WaitDemoTests
{
    [Fact]
    public async Task Wait_AllCompleted_PrintsMainAfterAllThreeJobs()
    {
        var lines = await DemoHarness.RunAsync("wait");
        Assert.Equal(["get page 2s finished", "get page 3s finished", "get page 4s finished", "main"], lines.Skip(1));
    }
}
