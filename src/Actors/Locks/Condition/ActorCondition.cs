using Actors.Internal;
using Actors.Lock;
using Actors.Protocol;
using Actors.RLock;
using Akka.Actor;

namespace Actors.Condition;

/// <summary>
/// Python's <c>threading.Condition</c> for async code: a named condition of a lock coordinator, used by one owner.
/// The caller acquires the lock through the lock's own facade (with the same owner), then waits or notifies here.
/// </summary>
/// <remarks>
/// <para>Differences from Python, and why:</para>
/// <list type="bullet">
/// <item>The condition lives in the lock's coordinator and has a name, so several conditions share one lock by using
/// different names over the same coordinator (Python builds them on the same lock object).</item>
/// <item>Ownership is an explicit owner, not the current thread. Over a plain lock with the anonymous owner, as in
/// Python, holding the lock means only that the lock is held.</item>
/// <item>Waits can be cancelled; a cancelled wait still holds the lock again before it throws
/// <see cref="OperationCanceledException"/>. A wait already notified when the cancellation arrives completes normally.</item>
/// <item>Waiters are notified in FIFO order (CPython does the same, without promising it).</item>
/// </list>
/// </remarks>
public sealed class ActorCondition
{
    /// <summary>The condition name used when none is given.</summary>
    public const string DefaultName = "condition";

    /// <summary>Creates a facade over the condition <paramref name="name"/> of a lock coordinator.</summary>
    /// <param name="lockCoordinator">A coordinator made from <see cref="ActorLock.Props"/> or <see cref="ActorRLock.Props"/>.</param>
    /// <param name="owner">The owner that holds the lock when it waits or notifies.</param>
    /// <param name="name">The condition's name within the lock.</param>
    public ActorCondition(IActorRef lockCoordinator, IActorRef owner, string name = DefaultName)
    {
        LockCoordinator = lockCoordinator ?? throw new ArgumentNullException(nameof(lockCoordinator));
        Owner = owner ?? throw new ArgumentNullException(nameof(owner));
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The coordinator of the condition's lock.</summary>
    public IActorRef LockCoordinator { get; }

    /// <summary>The owner this facade waits and notifies for.</summary>
    public IActorRef Owner { get; }

    /// <summary>The condition's name within the lock.</summary>
    public string Name { get; }

    /// <summary>A condition of <paramref name="lock"/>, for the same owner as that facade.</summary>
    public static ActorCondition For(ActorLock @lock, string name = DefaultName) =>
        new((@lock ?? throw new ArgumentNullException(nameof(@lock))).Coordinator, @lock.Owner, name);

    /// <summary>A condition of <paramref name="lock"/>, for the same owner as that facade (Python's default: a Condition over an RLock).</summary>
    public static ActorCondition For(ActorRLock @lock, string name = DefaultName) =>
        new((@lock ?? throw new ArgumentNullException(nameof(@lock))).Coordinator, @lock.Owner, name);

    /// <summary>The same condition for another owner.</summary>
    public ActorCondition WithOwner(IActorRef owner) => new(LockCoordinator, owner, Name);

    /// <summary>Releases the lock, waits for a notify, and holds the lock again before returning. Python: <c>wait()</c>.</summary>
    /// <exception cref="SynchronizationLockException">The owner does not hold the lock.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the lock is held again all the same.</exception>
    public async Task WaitAsync(CancellationToken cancellationToken = default) =>
        await WaitCoreAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Releases the lock, waits for a notify or the timeout, and holds the lock again before returning, in both cases.
    /// Python: <c>wait(timeout)</c>.
    /// </summary>
    /// <returns>True if notified; false if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative and not infinite.</exception>
    /// <exception cref="SynchronizationLockException">The owner does not hold the lock.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled first; the lock is held again all the same.</exception>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitCoreAsync(Timeouts.ForRequest(timeout), cancellationToken);

    /// <summary>
    /// Waits until <paramref name="predicate"/> is true, evaluating it with the lock held. Python: <c>wait_for(predicate, timeout)</c>.
    /// </summary>
    /// <param name="predicate">Evaluated first, and again after every wake-up.</param>
    /// <param name="timeout">The total time to wait; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Cancels the wait; the lock is held again all the same.</param>
    /// <returns>The predicate's last value: false only if the timeout passed while it was false.</returns>
    public Task<bool> WaitForAsync(Func<bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitForAsync(() => Task.FromResult(predicate()), timeout, cancellationToken);
    }

    /// <summary>Like <see cref="WaitForAsync(Func{bool}, TimeSpan, CancellationToken)"/> with a predicate that must itself await (for example to read other actors).</summary>
    public async Task<bool> WaitForAsync(Func<Task<bool>> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = MonotonicClock.DeadlineAfter(Timeouts.ForRequest(timeout));
        while (true)
        {
            if (await predicate().ConfigureAwait(false)) return true;
            TimeSpan? remaining = deadline == MonotonicClock.Never ? null : MonotonicClock.Until(deadline);
            if (remaining == TimeSpan.Zero) return false;
            await WaitCoreAsync(remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes up to <paramref name="count"/> waiters, oldest first. Python: <c>notify(n)</c>.</summary>
    /// <returns>How many waiters were woken; a notify with nobody waiting is lost, as in Python.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below one.</exception>
    /// <exception cref="SynchronizationLockException">The owner does not hold the lock.</exception>
    public async Task<int> NotifyAsync(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (await CoordinatorClient.RequestAsync(LockCoordinator, new ConditionProtocol.Notify(RequestIds.Next(), Owner, Name, count)).ConfigureAwait(false)).Woken;
    }

    /// <summary>Wakes every waiter. Python: <c>notify_all()</c>.</summary>
    /// <exception cref="SynchronizationLockException">The owner does not hold the lock.</exception>
    public Task<int> NotifyAllAsync() => NotifyAsync(int.MaxValue);

    /// <summary>How many wait on the condition, and how many woken waiters are in line to hold the lock again.</summary>
    public async Task<ConditionProtocol.ConditionState> GetStateAsync()
    {
        return await CoordinatorClient.RequestAsync(LockCoordinator, new ConditionProtocol.GetState(RequestIds.Next(), Name)).ConfigureAwait(false);
    }

    private async Task<bool> WaitCoreAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // The reply comes only once the lock is held again, which may take any time: no backstop from the timeout.
        var woken = await CoordinatorClient.WaitAsync(LockCoordinator, new ConditionProtocol.Wait(RequestIds.Next(), Owner, Name, timeout),
            cancellationToken, repliesWithinTimeout: false).ConfigureAwait(false);
        return woken.Reason switch
        {
            ConditionProtocol.WakeReason.Cancelled => throw new OperationCanceledException(cancellationToken),
            var reason => reason == ConditionProtocol.WakeReason.Notified,
        };
    }
}
