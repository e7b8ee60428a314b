using Actors.Timer;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 26 (threading 对象表 Timer): a function runs after a delay unless the timer is cancelled first. Two timers
/// are started; one is cancelled at once and never fires, the other is left alone and fires once. A cancel after a
/// timer fired is too late, and says so.
/// </summary>
/// <remarks>
/// The cancelled timer's interval is long (60 tutorial seconds, and at least 5 real seconds), so that cancelling it right
/// after its start comes first on any machine; nobody waits for that interval, since the cancel ends the timer at once.
/// The other timer is started after that cancel has been decided, so that its line cannot overtake the cancel's.
/// </remarks>
internal sealed class TimerDemo : IDemo
{
    public int Number => 26;

    public string Name => "timer";

    public string Title => "Timer(interval, function): the timer left alone fires once, the cancelled one never";

    public async Task RunAsync(DemoContext context)
    {
        var fired = new int[2];
        var hello = new ActorTimer(context.System, context.Seconds(1), () =>
        {
            Interlocked.Increment(ref fired[0]);
            context.WriteLine("hello: fired after 1 s");
        }, name: "hello");
        var reminder = new ActorTimer(context.System, Max(context.Seconds(60), TimeSpan.FromSeconds(5)), () =>
        {
            Interlocked.Increment(ref fired[1]);
            context.WriteLine("reminder: fired (it should not have)");
        }, name: "reminder");

        context.WriteLine("reminder = Timer(60, ...); reminder.start()");
        reminder.Start();
        var cancelled = await reminder.CancelAsync();
        context.WriteLine($"reminder.cancel(): cancelled before it fired: {cancelled}");
        context.WriteLine("hello = Timer(1, ...); hello.start()");
        hello.Start();

        await hello.JoinAsync(context.Cancellation);
        await reminder.JoinAsync(context.Cancellation);
        var late = !await hello.CancelAsync();
        context.WriteLine($"hello.cancel() after it fired: too late, it had fired: {late}");
        context.WriteLine($"hello fired {Volatile.Read(ref fired[0])} time(s), reminder fired {Volatile.Read(ref fired[1])} time(s); both timers alive: {hello.IsAlive}, {reminder.IsAlive}");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
