using Actors.Lock;
using Actors.Queue;
using Actors.Tests.Support;

namespace Actors.Tests.Coordination;

/// <summary>
/// A wait over a coordinator in another process whose request was lost (its node died, its shard moved) is never
/// answered, so neither is its cancellation: a cancelled wait still ends, within
/// <see cref="Actors.Internal.CoordinatorClient.CancelAnswerBackstop"/>, and a grant that comes later is given back.
/// </summary>
public sealed class LostRequestCancellationTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = Actors.Internal.CoordinatorClient.CancelAnswerBackstop + TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CancelledLockWait_NoAnswer_EndsCancelled_AndALateGrantIsReleased()
    {
        var coordinator = new SilentRemoteCoordinator(Sys);
        var mutex = new ActorLock(coordinator, CreateTestProbe().Ref);
        using var cancellation = new CancellationTokenSource();
        var waiting = mutex.LockAsync(cancellation.Token);
        await AwaitConditionAsync(() => Task.FromResult(coordinator.Received.Count == 1));

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var (acquire, asker) = coordinator.Received.First();
        var request = Assert.IsType<LockProtocol.Acquire>(acquire);
        Assert.Contains(coordinator.Received, r => r.Message is CoordinatorProtocol.Cancel cancel && cancel.RequestId == request.RequestId);

        asker.Tell(new LockProtocol.Acquired(request.RequestId, 42));

        await AwaitConditionAsync(() => Task.FromResult(coordinator.Received.Any(r => r.Message is LockProtocol.Release { FencingToken: 42 })));
    }

    [Fact]
    public async Task CancelledPut_NoAnswer_EndsInATimeout_ThatSaysThePutMayStillHappen()
    {
        var coordinator = new SilentRemoteCoordinator(Sys);
        var queue = new ActorQueue<int>(coordinator, CreateTestProbe().Ref);
        using var cancellation = new CancellationTokenSource();
        var putting = queue.PutAsync(7, cancellation.Token);
        await AwaitConditionAsync(() => Task.FromResult(coordinator.Received.Count == 1));

        await cancellation.CancelAsync();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => putting.WaitAsync(Patience));
        Assert.Contains("may or may not", timeout.Message);
    }
}
