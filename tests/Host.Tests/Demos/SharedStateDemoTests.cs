namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 5: both workers see the same g_num: work1 prints 103, then work2 prints 103.</summary>
public sealed class SharedStateDemoTests
{
    [Fact]
    public async Task SharedState_Work1Adds3_Work2ReadsTheSame103Afterwards()
    {
        var lines = await DemoHarness.RunAsync("shared-state");

        var work1 = Assert.Single(lines, l => l.StartsWith("in work1"));
        var work2 = Assert.Single(lines, l => l.StartsWith("in work2"));
        Assert.Equal("in work1 g_num is: 103", work1);
        Assert.Equal("in work2 g_num is: 103", work2);
        Assert.True(lines.ToList().IndexOf(work1) < lines.ToList().IndexOf(work2), string.Join('\n', lines));
    }
}
