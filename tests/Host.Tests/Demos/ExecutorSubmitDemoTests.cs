namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 20: submit returns at once (False), both jobs finish in the order of their sleeps, then True and 3.</summary>
public sealed class ExecutorSubmitDemoTests
{
    [Fact]
    public async Task ExecutorSubmit_PrintsFalse_BothFinished_True_AndTheResult()
    {
        var lines = await DemoHarness.RunAsync("executor-submit");
        Assert.Equal(["False", "test 2s finished", "test 3s finished", "True", "3"], lines.Skip(1));
    }
}
