using Actors.Tests.Threads;
using Actors.Timer;

namespace Actors.Tests.Timer;

/// <summary>Timers at coordinated shutdown: a pending non-daemon timer is waited for, a pending daemon timer never fires.</summary>
public sealed class TimerShutdownTests : ThreadTestKit
{
    [Fact]
    public async Task CoordinatedShutdown_PendingNonDaemonTimer_FiresBeforeTheSystemTerminates()
    {
        var system = ShutdownSystems.Create();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var timer = new ActorTimer(system, TimeSpan.FromMilliseconds(300), fired.SetResult);
            var firedWhenTerminating = ShutdownSystems.ObserveBeforeTermination(system, () => fired.Task.IsCompleted);
            timer.Start();
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Patience);
            Assert.True(await firedWhenTerminating);
            Assert.False(await timer.CancelAsync());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task CoordinatedShutdown_PendingDaemonTimer_NeverFiresAndTheSystemDoesNotWait()
    {
        var system = ShutdownSystems.Create();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var timer = new ActorTimer(system, TimeSpan.FromHours(1), fired.SetResult, daemon: true);
            timer.Start();
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Patience);
            await system.WhenTerminated.WaitAsync(Patience);
            Assert.True(await timer.CancelAsync().WaitAsync(Patience));
            Assert.False(fired.Task.IsCompleted);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
