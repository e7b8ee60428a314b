namespace Actors.Host.Tests.Demos;

/// <summary>Scenario 26: the timer left alone fires exactly once; the cancelled one never fires.</summary>
public sealed class TimerDemoTests
{
    [Fact]
    public async Task Timer_UncancelledFiresOnce_CancelledNever()
    {
        var lines = await DemoHarness.RunAsync("timer");
        Assert.Equal([
            "reminder = Timer(60, ...); reminder.start()",
            "reminder.cancel(): cancelled before it fired: True",
            "hello = Timer(1, ...); hello.start()",
            "hello: fired after 1 s",
            "hello.cancel() after it fired: too late, it had fired: True",
            "hello fired 1 time(s), reminder fired 0 time(s); both timers alive: False, False",
        ], lines.Skip(1));
    }
}
