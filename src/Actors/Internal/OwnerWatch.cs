using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Actors.Internal;

/// <summary>
/// DeathWatch on owners, counted: an owner is watched from the first thing it holds or waits for, and once only.
/// When it holds and waits for nothing it is not unwatched at once but kept among a bounded number of idle
/// owners, so that an actor that acquires and releases in a loop costs no watch/unwatch per cycle.
/// The anonymous owner (<see cref="ActorRefs.Nobody"/>) is never watched.
/// </summary>
internal sealed class OwnerWatch
{
    /// <summary>How many idle owners stay watched before the oldest is unwatched.</summary>
    public const int IdleLimit = 256;

    private readonly Action<IActorRef> _watch;
    private readonly Action<IActorRef> _unwatch;
    private readonly Dictionary<IActorRef, Entry> _owners = new();
    private readonly Queue<IActorRef> _idle = new();

    public OwnerWatch(IActorContext context) : this(owner => context.Watch(owner), owner => context.Unwatch(owner))
    {
    }

    public OwnerWatch(Action<IActorRef> watch, Action<IActorRef> unwatch)
    {
        _watch = watch;
        _unwatch = unwatch;
    }

    /// <summary>Owners currently watched (holding, waiting, or recently idle).</summary>
    public int Watched => _owners.Count;

    public static bool IsAnonymous(IActorRef owner) => owner.IsNobody();

    /// <summary>
    /// Whether <paramref name="owner"/> is a local actor known to have terminated (a disposed owner handle, a stopped
    /// actor): nothing may be granted to it. False for a remote owner, whose death only DeathWatch can tell.
    /// </summary>
    /// <remarks>
    /// Akka marks <c>IsTerminated</c> obsolete in favour of DeathWatch; DeathWatch still does its part (a grant made just
    /// before the owner dies is taken back when <c>Terminated</c> arrives), but only this synchronous look lets a
    /// request for an owner already dead be refused instead of granted first.
    /// </remarks>
#pragma warning disable CS0618
    public static bool IsKnownDead(IActorRef owner) => owner is IInternalActorRef { IsLocal: true, IsTerminated: true };
#pragma warning restore CS0618

    /// <summary>Adds reasons to watch <paramref name="owner"/> (holds or waits).</summary>
    public void Add(IActorRef owner, int count = 1)
    {
        if (IsAnonymous(owner)) return;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_owners, owner, out var known);
        if (!known) _watch(owner);
        entry.References += count;
    }

    /// <summary>Removes reasons added by <see cref="Add"/>.</summary>
    public void Remove(IActorRef owner, int count = 1)
    {
        if (IsAnonymous(owner)) return;
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_owners, owner);
        if (Unsafe.IsNullRef(ref entry)) return;
        entry.References -= count;
        if (entry.References > 0 || entry.QueuedAsIdle) return;
        entry.QueuedAsIdle = true;
        _idle.Enqueue(owner);
        if (_idle.Count > IdleLimit) EvictOldestIdle();
    }

    /// <summary>Forgets an owner that has terminated.</summary>
    public void Terminated(IActorRef owner) => _owners.Remove(owner);

    private void EvictOldestIdle()
    {
        var oldest = _idle.Dequeue();
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_owners, oldest);
        if (Unsafe.IsNullRef(ref entry)) return;
        entry.QueuedAsIdle = false;
        if (entry.References > 0) return;
        _owners.Remove(oldest);
        _unwatch(oldest);
    }

    private struct Entry
    {
        public int References;
        public bool QueuedAsIdle;
    }
}
