namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 2: a subclass overriding Run prints the same as scenario 1.</summary>
public sealed class CustomThreadDemoTests
{
    [Fact]
    public async Task CustomThread_SameOutputAsThreads()
    {
        var lines = await DemoHarness.RunAsync("custom-thread");
        ThreadsDemoTests.AssertInterleavedCountdowns(lines);
    }
}
