using Actors.Internal;

namespace Actors.Tests.Internal;

/// <summary>
/// The waiter index without an actor: one removal path for queue, index and deadlines, and overdue waiters set aside
/// (never returned as live) so that the coordinator can answer them after its handler.
/// </summary>
public sealed class WaiterIndexTests : CoordinatorTestKit
{
    private readonly WaiterIndex _index = new();
    private readonly WaiterQueue _queue;

    public WaiterIndexTests() => _queue = _index.NewQueue();

    [Fact]
    public void TryAdd_SameOwnerAndRequestIdTwice_RefusesTheSecondAndKeepsTheFirst()
    {
        var owner = CreateTestProbe().Ref;
        var first = Waiter(owner, 1, MonotonicClock.Never);

        Assert.True(_index.TryAdd(_queue, first));
        Assert.False(_index.TryAdd(_queue, Waiter(owner, 1, MonotonicClock.Never)));
        Assert.Same(first, _index.Find(owner, 1));
        Assert.Equal(1, _index.Count);
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void Remove_TakesTheWaiterOutOfQueueIndexAndDeadlines()
    {
        var owner = CreateTestProbe().Ref;
        var timed = Waiter(owner, 1, MonotonicClock.Now + TicksOf(TimeSpan.FromHours(1)));
        _index.TryAdd(_queue, timed);

        _index.Remove(timed);

        Assert.False(timed.IsWaiting);
        Assert.Null(_index.Find(owner, 1));
        Assert.Equal(0, _queue.Count);
        Assert.Equal(MonotonicClock.Never, _index.EarliestDeadline);
    }

    [Fact]
    public void PeekLive_OverdueWaitersAtTheHead_SetsThemAsideInOrderAndReturnsTheFirstLiveOne()
    {
        var owner = CreateTestProbe().Ref;
        var now = MonotonicClock.Now;
        var overdue1 = Waiter(owner, 1, now - 2);
        var overdue2 = Waiter(owner, 2, now - 1);
        var live = Waiter(owner, 3, MonotonicClock.Never);
        foreach (var waiter in new[] { overdue1, overdue2, live }) _index.TryAdd(_queue, waiter);

        Assert.Same(live, _index.PeekLive(_queue, now));
        Assert.True(live.IsWaiting);
        Assert.Same(overdue1, _index.TakeOverdue());
        Assert.Same(overdue2, _index.TakeOverdue());
        Assert.Null(_index.TakeOverdue());
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public void CollectExpired_TakesOnlyWaitersDueByThen_AndLeavesTheRestWithTheirDeadline()
    {
        var owner = CreateTestProbe().Ref;
        var now = MonotonicClock.Now;
        var due = Waiter(owner, 1, now);
        var later = Waiter(owner, 2, now + TicksOf(TimeSpan.FromMinutes(5)));
        _index.TryAdd(_queue, later);
        _index.TryAdd(_queue, due);

        _index.CollectExpired(now);

        Assert.Same(due, _index.TakeOverdue());
        Assert.Null(_index.TakeOverdue());
        Assert.Same(later, _queue.First);
        Assert.Equal(later.Deadline, _index.EarliestDeadline);
    }

    [Fact]
    public void Observer_IsToldOfEveryWaiterLeaving_WhileItIsStillInItsQueue()
    {
        var owner = CreateTestProbe().Ref;
        var observer = new RecordingObserver();
        _index.Observer = observer;
        var removed = Waiter(owner, 1, MonotonicClock.Never);
        var overdue = Waiter(owner, 2, MonotonicClock.Now - 1);
        _index.TryAdd(_queue, removed);
        _index.TryAdd(_queue, overdue);

        _index.Remove(removed);
        _index.PeekLive(_queue, MonotonicClock.Now);

        Assert.Equal([(removed, true), (overdue, true)], observer.Left);
    }

    private static Waiter Waiter(IActorRef owner, long requestId, long deadline) => new(requestId, owner, owner, deadline, payload: null);

    private static long TicksOf(TimeSpan span) => (long)MonotonicClock.TicksOf(span);

    private sealed class RecordingObserver : IWaiterObserver
    {
        public List<(Waiter Waiter, bool StillQueued)> Left { get; } = new();

        public void Leaving(Waiter waiter) => Left.Add((waiter, waiter.IsWaiting));
    }
}
