namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 4: join waits for the daemon thread, so its whole countdown comes before end.</summary>
public sealed class JoinDemoTests
{
    [Fact]
    public async Task Join_WholeCountdownThenEndLast()
    {
        var lines = await DemoHarness.RunAsync("join");
        Assert.Equal(["task t1", "5s", "3s", "1s", "joined t1: daemon True, alive False", "end"], lines.Skip(1));
    }
}
