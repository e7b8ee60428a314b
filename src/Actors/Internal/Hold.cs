using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// One hold a coordinator granted (a lock's holder, one semaphore permit): its fencing token, its owner, the term that
/// ends it if the primitive has a maximum hold time, and who wants to hear if the coordinator ends it.
/// </summary>
internal sealed class Hold(long fencingToken, IActorRef owner)
{
    public long FencingToken { get; } = fencingToken;

    public IActorRef Owner { get; } = owner;

    /// <summary>The entry whose deadline is the end of the maximum hold time, or null without one.</summary>
    public Waiter? Term { get; set; }

    /// <summary>The watchers to tell of a lost hold (<c>CoordinatorProtocol.WatchHold</c>); null until the first.</summary>
    public List<IActorRef>? Watchers { get; private set; }

    public void AddWatcher(IActorRef watcher)
    {
        Watchers ??= [];
        if (!Watchers.Contains(watcher)) Watchers.Add(watcher);
    }
}
