using Actors.Lock;
using Actors.Owners;
using Actors.RLock;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 11 (死锁 第一种): the holder of a plain Lock acquires it again and waits for itself; the deadlock detector
/// reports it instead of a silent hang, and the demo then cancels the second acquire. An RLock acquired twice by its
/// owner just goes one level deeper: acquire 1, acquire 2, release, release.
/// </summary>
/// <remarks>
/// Python's program hangs for ever at the Lock's second <c>acquire()</c>; here the wait is reported on the actor system's
/// event stream (about a second after it forms) and then cancelled, so the demo ends by itself.
/// </remarks>
internal sealed class DeadlockSelfDemo : IDemo
{
    /// <summary>How long the demo waits for the report before it gives up and cancels anyway.</summary>
    private static readonly TimeSpan ReportPatience = TimeSpan.FromSeconds(30);

    public int Number => 11;

    public string Name => "deadlock-self";

    public string Title => "a Lock acquired twice by its holder is reported as a deadlock; an RLock just goes deeper";

    public async Task RunAsync(DemoContext context)
    {
        await using var main = ActorOwner.Create(context.System, "main");
        await LockAsync(context, main);
        await RLockAsync(context, main);
    }

    private static async Task LockAsync(DemoContext context, ActorOwner main)
    {
        context.WriteLine("--- Lock");
        await using var listener = DeadlockListener.Start(context.System);
        var mutex = ActorLock.Create(context.System, "lock").WithOwner(main.Ref);
        await mutex.AcquireAsync(context.Cancellation);
        context.WriteLine("lock acquire...1");

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var second = mutex.AcquireAsync(giveUp.Token);
        context.WriteLine("main acquires the lock again: a Lock is not re-entrant, so main now waits for itself");

        var report = await listener.WaitAsync(ReportPatience, context.Cancellation);
        if (report is null) context.WriteLine($"no deadlock reported within {ReportPatience.TotalSeconds} s");
        else foreach (var line in report.Describe()) context.WriteLine(line);

        await giveUp.CancelAsync();
        try
        {
            await second;
            context.WriteLine("lock acquire...2 (unexpected)");
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
        {
            context.WriteLine("the second acquire is cancelled after the report (Python would hang here for ever)");
        }

        await mutex.ReleaseAsync();
        context.WriteLine("lock release");
    }

    private static async Task RLockAsync(DemoContext context, ActorOwner main)
    {
        context.WriteLine("--- RLock");
        var rlock = new ActorRLock(ActorRLock.CreateCoordinator(context.System, "rlock"), main.Ref);
        await rlock.AcquireAsync(context.Cancellation);
        context.WriteLine("lock acquire...1");
        await rlock.AcquireAsync(context.Cancellation);
        context.WriteLine("lock acquire...2");
        await rlock.ReleaseAsync();
        context.WriteLine("lock release");
        await rlock.ReleaseAsync();
        context.WriteLine("lock release");
    }
}
