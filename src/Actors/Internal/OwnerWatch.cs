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
    private const int IdleLimit = 256;
    private readonly IActorContext _context;
    private readonly Dictionary<IActorRef, Entry> _owners = new();
    private readonly Queue<IActorRef> _idle = new();

    public OwnerWatch(IActorContext context) => _context = context;

    public static bool IsAnonymous(IActorRef owner) => owner.IsNobody();

    /// <summary>Adds reasons to watch <paramref name="owner"/> (holds or waits).</summary>
    public void Add(IActorRef owner, int count = 1)
    {
        if (IsAnonymous(owner)) return;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_owners, owner, out var known);
        if (!known) _context.Watch(owner);
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
        _context.Unwatch(oldest);
    }

    private struct Entry
    {
        public int References;
        public bool QueuedAsIdle;
    }
}
