namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 22: as_completed hands the futures to the main program in completion order 2, 3, 4.</summary>
public sealed class AsCompletedDemoTests
{
    [Fact]
    public async Task AsCompleted_InMainLines_ComeInCompletionOrder234()
    {
        var lines = await DemoHarness.RunAsync("as-completed");
        Assert.Equal(["in main: test 2s success", "in main: test 3s success", "in main: test 4s success"],
            lines.Where(l => l.StartsWith("in main: ")));
        Assert.Equal(["test 2s finished", "test 3s finished", "test 4s finished"], lines.Where(l => l.EndsWith(" finished")));
    }
}
