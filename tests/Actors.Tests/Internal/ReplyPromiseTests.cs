using Actors.Internal;
using Actors.Lock;
using Actors.Semaphore;

namespace Actors.Tests.Internal;

/// <summary>The facades' request/reply path without Ask: replies, lost requests, and the lazily registered path.</summary>
public sealed class ReplyPromiseTests : CoordinatorTestKit
{
    [Fact]
    public async Task FacadeCall_ToStoppedCoordinator_FailsAtOnceWithObjectDisposed()
    {
        var semaphore = ActorSemaphore.Create(Sys, 1);
        Watch(semaphore.Coordinator);
        Sys.Stop(semaphore.Coordinator);
        ExpectTerminated(semaphore.Coordinator);

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => semaphore.AcquireAsync()).WaitAsync(Patience);
        Assert.Contains(semaphore.Coordinator.Path.Name, error.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => semaphore.ReleaseAsync()).WaitAsync(Patience);
    }

    [Fact]
    public async Task FacadeCall_ToActorOfAnotherKind_FailsWithInvalidOperation()
    {
        var semaphore = ActorSemaphore.Create(Sys, 1);
        var wrong = new ActorLock(semaphore.Coordinator);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wrong.AcquireAsync()).WaitAsync(Patience);
        Assert.Contains("does not understand", error.Message);
        Assert.True(await semaphore.TryAcquireAsync().WaitAsync(Patience), "the semaphore was left as it was");
    }

    [Fact]
    public async Task Reply_ToPromiseWhosePathWasResolved_ArrivesThroughThePath()
    {
        var relay = Sys.ActorOf(Props.Create(() => new ReplyByPath()));

        var reply = ReplyPromise.TrySend(relay, "ping")!;

        Assert.Equal("pong", await reply.WaitAsync(Patience));
    }

    [Fact]
    public void ProviderFor_NonLocalReference_IsNullSoTheCallerAsks()
    {
        Assert.Null(ReplyTarget.ProviderFor(ActorRefs.Nobody));
        Assert.NotNull(ReplyTarget.ProviderFor(TestActor));
    }

    /// <summary>Replies by resolving the sender's path, as a remote coordinator would have to.</summary>
    private sealed class ReplyByPath : ReceiveActor
    {
        public ReplyByPath()
        {
            Receive<string>(_ => ((ExtendedActorSystem)Context.System).Provider.ResolveActorRef(Sender.Path).Tell("pong"));
        }
    }
}
