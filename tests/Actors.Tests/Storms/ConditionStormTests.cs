using Actors.Condition;
using Actors.Owners;
using Actors.RLock;
using Xunit.Abstractions;

namespace Actors.Tests.Storms;

/// <summary>
/// Condition waits with random timeouts and cancellations racing notifies. Every wait must end with its owner holding
/// the lock alone, and every wake-up a notify reports must be seen by exactly one wait that returned true.
/// </summary>
public sealed class ConditionStormTests : CoordinatorTestKit
{
    private const int Waiters = 16;
    private const int WaitsPerWaiter = 200;
    private const int Notifiers = 4;

    private readonly ITestOutputHelper _output;

    public ConditionStormTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task Condition_TimeoutsCancellationsAndNotifiesRace_NothingLostAndLockFree()
    {
        var lockRef = ActorRLock.CreateCoordinator(Sys);
        var owners = Enumerable.Range(0, Waiters + Notifiers).Select(i => ActorOwner.Create(Sys, $"storm-owner-{i}")).ToList();
        var inside = 0;
        var violations = 0;
        long notifiedTrue = 0, timedOut = 0, cancelled = 0, wokenByNotifies = 0;
        var waitersDone = new CancellationTokenSource();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void Enter()
        {
            if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref violations);
        }

        var waiters = owners.Take(Waiters).Select((owner, seed) => Task.Run(async () =>
        {
            var random = new Random(seed);
            var mutex = new ActorRLock(lockRef, owner.Ref);
            var condition = ActorCondition.For(mutex);
            await start.Task;
            for (var i = 0; i < WaitsPerWaiter; i++)
            {
                await mutex.AcquireAsync();
                Enter();
                Interlocked.Decrement(ref inside);
                using var cancellation = new CancellationTokenSource();
                var timeout = TimeSpan.FromMilliseconds(random.Next(0, 4));
                if (random.Next(3) == 0)
                {
                    timeout = Timeout.InfiniteTimeSpan;
                    cancellation.CancelAfter(random.Next(0, 3));
                }

                try
                {
                    var notified = await condition.WaitAsync(timeout, cancellation.Token);
                    Interlocked.Increment(ref notified ? ref notifiedTrue : ref timedOut);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                }

                Enter();
                Interlocked.Decrement(ref inside);
                Assert.Equal(0, await mutex.ReleaseAsync());
            }
        })).ToList();

        var notifiers = owners.Skip(Waiters).Select((owner, seed) => Task.Run(async () =>
        {
            var random = new Random(1000 + seed);
            var mutex = new ActorRLock(lockRef, owner.Ref);
            var condition = ActorCondition.For(mutex);
            await start.Task;
            while (!waitersDone.IsCancellationRequested)
            {
                await using (await mutex.LockAsync())
                {
                    Enter();
                    Interlocked.Add(ref wokenByNotifies, await condition.NotifyAsync(random.Next(1, 4)));
                    Interlocked.Decrement(ref inside);
                }
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromMinutes(3));
        waitersDone.Cancel();
        await Task.WhenAll(notifiers).WaitAsync(TimeSpan.FromMinutes(1));

        _output.WriteLine($"notified: {notifiedTrue}, timed out: {timedOut}, cancelled: {cancelled}");
        Assert.Equal(0, violations);
        Assert.Equal(Waiters * WaitsPerWaiter, notifiedTrue + timedOut + cancelled);
        Assert.Equal(wokenByNotifies, notifiedTrue);
        var probe = CreateTestProbe();
        lockRef.Tell(new RLockProtocol.GetState(1), probe.Ref);
        var state = probe.ExpectMsg<RLockProtocol.RLockState>();
        Assert.Equal((null, 0, 0), (state.Owner, state.Depth, state.Waiting));
        lockRef.Tell(new ConditionProtocol.GetState(2, ActorCondition.DefaultName), probe.Ref);
        probe.ExpectMsg(new ConditionProtocol.ConditionState(2, 0, 0));
        foreach (var owner in owners) await owner.DisposeAsync();
    }
}
