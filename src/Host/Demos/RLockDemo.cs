using Actors.Owners;
using Actors.Protocol;
using Actors.RLock;
using Akka.Actor;

namespace Actors.Host.Demos;

/// <summary>
/// Scenario 7 (递归锁): ten workers share one re-entrant lock; each holds it, adds 1 to <c>gl_num</c>, sleeps a
/// second and prints it, so the values 1 to 10 come out in order, one per hold.
/// </summary>
/// <remarks>
/// Re-entrancy belongs to an explicit owner, not to a thread: each worker gets its own <see cref="ActorOwner"/>, and
/// its nested acquire (the "nesting" the tutorial speaks of) raises its depth to 2 instead of deadlocking. Disposing
/// the owner at the end of the worker would release the lock even if the worker had forgotten to.
/// </remarks>
internal sealed class RLockDemo : IDemo
{
    private const int Workers = 10;

    public int Number => 7;

    public string Name => "rlock";

    public string Title => "10 workers, each with its own owner, re-enter one RLock and print gl_num 1..10 in order";

    public async Task RunAsync(DemoContext context)
    {
        var coordinator = ActorRLock.CreateCoordinator(context.System, "rlock");
        var glNum = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
        {
            await using var owner = ActorOwner.Create(context.System, $"t-{i}");
            var rlock = new ActorRLock(coordinator, owner.Ref);

            await rlock.AcquireAsync(context.Cancellation);
            try
            {
                // Nesting: the holder acquires again and only goes one level deeper.
                var depth = await rlock.AcquireAsync(context.Cancellation);
                glNum += 1;
                await rlock.ReleaseAsync();

                await context.SleepAsync(1);
                context.WriteLine($"gl_num = {glNum}   (t-{i} holds the lock; its nested acquire reached depth {depth})");
            }
            finally
            {
                await rlock.ReleaseAsync();
            }
        })));

        var state = await coordinator.Ask<RLockProtocol.RLockState>(new RLockProtocol.GetState(RequestIds.Next()), context.Cancellation);
        context.WriteLine($"done: gl_num = {glNum}; " + (state.Locked ? $"the lock is still held by {state.Owner}" : "the lock is free again"));
    }
}
