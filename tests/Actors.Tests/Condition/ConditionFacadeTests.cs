using Actors.Condition;
using Actors.Lock;
using Actors.Owners;
using Actors.RLock;

namespace Actors.Tests.Condition;

/// <summary>Conditions from async code through <see cref="ActorCondition"/>.</summary>
public sealed class ConditionFacadeTests : CoordinatorTestKit
{
    private readonly IActorRef _lockRef;

    public ConditionFacadeTests() => _lockRef = ActorRLock.CreateCoordinator(Sys);

    [Fact]
    public async Task LeaseAroundAConditionWait_StaysWatched_AndFiresWhenTheTakenBackHoldIsRevoked()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        var lease = await mutex.LockAsync();
        var lost = lease.HoldLost; // watched from here on, before the wait

        Assert.False(await condition.WaitAsync(TimeSpan.FromMilliseconds(50))); // releases the lock, takes it back
        Assert.False(lost.IsCancellationRequested);
        Assert.Equal(1, await mutex.ForceReleaseAsync());

        Assert.True(lost.IsCancellationRequested);
        Assert.Equal(HoldLostReason.ForceReleased, lease.LostReason);
    }

    [Fact]
    public async Task LeaseAroundAConditionWait_OwnerStoppedMidWait_FiresAndTheWaitFails()
    {
        var owner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        var lease = await mutex.LockAsync();
        var lost = lease.HoldLost;
        var waiting = condition.WaitAsync();
        await AwaitAssertAsync(async () => Assert.Equal(1, (await condition.GetStateAsync()).Waiting));

        await owner.DisposeAsync();

        await AwaitConditionAsync(() => Task.FromResult(lost.IsCancellationRequested));
        Assert.Equal(HoldLostReason.OwnerTerminated, lease.LostReason);
        Assert.Contains("owner", (await Assert.ThrowsAsync<InvalidOperationException>(() => waiting)).Message);
    }

    [Fact]
    public async Task ProducerConsumer_NotifyOne_EveryItemConsumedOnce()
    {
        const int items = 200;
        var buffer = new Queue<int>();
        var consumed = new List<int>();
        await using var producerOwner = ActorOwner.Create(Sys);
        var consumerOwners = Enumerable.Range(0, 3).Select(_ => ActorOwner.Create(Sys)).ToList();

        var consumers = consumerOwners.Select(owner => Task.Run(async () =>
        {
            var (mutex, notEmpty) = Bind(owner.Ref);
            while (true)
            {
                await using (await mutex.LockAsync())
                {
                    await notEmpty.WaitForAsync(() => buffer.Count > 0, Timeout.InfiniteTimeSpan);
                    var item = buffer.Dequeue();
                    if (item < 0) return;
                    consumed.Add(item);
                }
            }
        })).ToList();

        var (producerLock, producerCondition) = Bind(producerOwner.Ref);
        for (var i = 0; i < items + consumers.Count; i++)
        {
            await using (await producerLock.LockAsync())
            {
                buffer.Enqueue(i < items ? i : -1);
                await producerCondition.NotifyAsync();
            }
        }

        await Task.WhenAll(consumers).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, items), consumed.Order());
        foreach (var owner in consumerOwners) await owner.DisposeAsync();
    }

    [Fact]
    public async Task NotifyAll_WakesEveryWaiter()
    {
        var owners = Enumerable.Range(0, 5).Select(_ => ActorOwner.Create(Sys)).ToList();
        var waits = owners.Select(owner => Task.Run(async () =>
        {
            var (mutex, condition) = Bind(owner.Ref);
            await mutex.AcquireAsync();
            await condition.WaitAsync();
            await mutex.ReleaseAsync();
        })).ToList();
        await using var notifierOwner = ActorOwner.Create(Sys);
        var (notifierLock, notifier) = Bind(notifierOwner.Ref);
        await AwaitAssertAsync(async () => Assert.Equal(5, (await notifier.GetStateAsync()).Waiting), Patience);

        await notifierLock.AcquireAsync();
        Assert.Equal(5, await notifier.NotifyAllAsync());
        await notifierLock.ReleaseAsync();

        await Task.WhenAll(waits).WaitAsync(Patience);
    }

    [Fact]
    public async Task WaitFor_PredicateStaysFalse_ReturnsFalseAfterTheTimeoutWithTheLockHeld()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        await mutex.AcquireAsync();
        var evaluations = 0;

        var result = await condition.WaitForAsync(() => ++evaluations > 1000, TimeSpan.FromMilliseconds(100));

        Assert.False(result);
        Assert.True(evaluations >= 2);
        Assert.True(await mutex.IsOwnedAsync());
    }

    [Fact]
    public async Task WaitFor_PredicateBecomesTrue_ReturnsTrue()
    {
        var flag = false;
        await using var waiterOwner = ActorOwner.Create(Sys);
        await using var setterOwner = ActorOwner.Create(Sys);
        var (waiterLock, waiterCondition) = Bind(waiterOwner.Ref);
        var waiting = Task.Run(async () =>
        {
            await using (await waiterLock.LockAsync())
                return await waiterCondition.WaitForAsync(() => flag, TimeSpan.FromSeconds(30));
        });
        var (setterLock, setterCondition) = Bind(setterOwner.Ref);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await setterCondition.GetStateAsync()).Waiting), Patience);

        await using (await setterLock.LockAsync())
        {
            flag = true;
            await setterCondition.NotifyAsync();
        }

        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Wait_WithRLockAtDepth2_RestoresDepth2()
    {
        await using var owner = ActorOwner.Create(Sys);
        await using var notifierOwner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        Assert.Equal(1, await mutex.AcquireAsync());
        Assert.Equal(2, await mutex.AcquireAsync());
        var waiting = condition.WaitAsync(TimeSpan.FromSeconds(30));
        var (notifierLock, notifier) = Bind(notifierOwner.Ref);
        await using (await notifierLock.LockAsync()) await AwaitNotifiedAsync(notifier);

        Assert.True(await waiting.WaitAsync(Patience));
        var state = await mutex.GetStateAsync();
        Assert.Equal((owner.Ref, 2), (state.Owner, state.Depth));
        Assert.Equal(1, await mutex.ReleaseAsync());
        Assert.Equal(0, await mutex.ReleaseAsync());
    }

    [Fact]
    public async Task Wait_Cancelled_ThrowsWithTheLockHeldAgain()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        await mutex.AcquireAsync();
        using var cancellation = new CancellationTokenSource();
        var waiting = condition.WaitAsync(cancellation.Token);
        await AwaitAssertAsync(async () => Assert.Equal(1, (await condition.GetStateAsync()).Waiting), Patience);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(await mutex.IsOwnedAsync());
        Assert.Equal(0, (await condition.GetStateAsync()).Waiting);
    }

    [Fact]
    public async Task Wait_TimedOut_ReturnsFalseWithTheLockHeld()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (mutex, condition) = Bind(owner.Ref);
        await mutex.AcquireAsync();
        Assert.False(await condition.WaitAsync(TimeSpan.FromMilliseconds(50)));
        Assert.True(await mutex.IsOwnedAsync());
    }

    [Fact]
    public async Task WaitAndNotify_WithoutTheLock_ThrowSynchronizationLockException()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (_, condition) = Bind(owner.Ref);
        await Assert.ThrowsAsync<SynchronizationLockException>(() => condition.WaitAsync());
        await Assert.ThrowsAsync<SynchronizationLockException>(() => condition.NotifyAsync());
    }

    [Fact]
    public async Task Arguments_OutOfRange_Throw()
    {
        await using var owner = ActorOwner.Create(Sys);
        var (_, condition) = Bind(owner.Ref);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => condition.NotifyAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => condition.WaitAsync(TimeSpan.FromSeconds(-2)));
        Assert.Throws<ArgumentException>(() => new ActorCondition(_lockRef, owner.Ref, ""));
        Assert.Throws<ArgumentNullException>(() => new ActorCondition(_lockRef, null!));
    }

    [Fact]
    public async Task PlainLock_AnonymousOwner_WorksLikePythonsConditionOverLock()
    {
        var mutex = ActorLock.Create(Sys);
        var condition = ActorCondition.For(mutex);
        await mutex.AcquireAsync();
        var waiting = condition.WaitAsync(TimeSpan.FromSeconds(30));
        await AwaitAssertAsync(async () => Assert.False(await mutex.IsLockedAsync()), Patience);
        await mutex.AcquireAsync();
        Assert.Equal(1, await condition.NotifyAsync());
        await mutex.ReleaseAsync();
        Assert.True(await waiting.WaitAsync(Patience));
        Assert.True(await mutex.IsLockedAsync());
    }

    private (ActorRLock Lock, ActorCondition Condition) Bind(IActorRef owner)
    {
        var mutex = new ActorRLock(_lockRef, owner);
        return (mutex, ActorCondition.For(mutex, "items"));
    }

    private async Task AwaitNotifiedAsync(ActorCondition notifier) =>
        await AwaitAssertAsync(async () => Assert.Equal(1, await notifier.NotifyAsync()), Patience);
}
