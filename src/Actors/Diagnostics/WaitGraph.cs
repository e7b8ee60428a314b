using Akka.Actor;

namespace Actors.Diagnostics;

/// <summary>
/// The detector's view of who waits for what: per primitive, its named holders and the waits of named owners. It finds
/// the owners that can never go on and groups them into cycles.
/// </summary>
/// <remarks>
/// A wait is hopeless when the primitive has holders, all of them named, and every holder is itself hopelessly blocked.
/// An owner is blocked when every one of its waits is hopeless (one wait that can be granted lets it go on). This is the
/// greatest fixed point, computed by removing owners that can go on until none is left to remove; it covers semaphores,
/// where any one holder's release would free the waiter. A wait whose holder is not waiting is never part of a deadlock.
/// </remarks>
internal sealed class WaitGraph
{
    private readonly Dictionary<IActorRef, Primitive> _primitives = new();

    /// <summary>Whether any named owner waits anywhere.</summary>
    public bool IsEmpty => _primitives.Count == 0;

    /// <summary>Applies a coordinator's report. Returns true if the primitive is now known, false if it was forgotten.</summary>
    public bool Apply(IActorRef coordinator, WaitReports.WaitsChanged change)
    {
        if (change.NamedWaiting == 0)
        {
            _primitives.Remove(coordinator);
            return false;
        }

        if (!_primitives.TryGetValue(coordinator, out var primitive)) _primitives[coordinator] = primitive = new Primitive(coordinator, change.Kind);
        foreach (var ended in change.Ended) primitive.Waits.Remove(ended);
        foreach (var started in change.Started) primitive.Waits[new WaitReports.WaitKey(started.Owner, started.RequestId)] = started;
        primitive.Holders = change.Holders;
        primitive.AnonymousHolders = change.AnonymousHolders;
        return true;
    }

    /// <summary>Forgets a coordinator that stopped.</summary>
    public void Forget(IActorRef coordinator) => _primitives.Remove(coordinator);

    /// <summary>The deadlocks of the current view, each a list of participants; empty when nobody is hopelessly blocked.</summary>
    public IReadOnlyList<IReadOnlyList<DeadlockParticipant>> FindDeadlocks()
    {
        var blocked = Blocked(out var waitsOf);
        if (blocked.Count == 0) return [];
        var result = new List<IReadOnlyList<DeadlockParticipant>>();
        foreach (var component in StronglyConnected(blocked, waitsOf))
            result.Add(Describe(component, waitsOf));
        return result;
    }

    /// <summary>The owners that can never go on, with every owner's waits.</summary>
    private HashSet<IActorRef> Blocked(out Dictionary<IActorRef, List<(Primitive Primitive, WaitReports.WaitStarted Wait)>> waitsOfOwner)
    {
        var waitsOf = waitsOfOwner = new Dictionary<IActorRef, List<(Primitive, WaitReports.WaitStarted)>>();
        var waitersOfHolder = new Dictionary<IActorRef, List<IActorRef>>();
        foreach (var primitive in _primitives.Values)
        {
            foreach (var wait in primitive.Waits.Values)
            {
                if (!waitsOf.TryGetValue(wait.Owner, out var list)) waitsOf[wait.Owner] = list = [];
                list.Add((primitive, wait));
                foreach (var holder in primitive.Holders)
                {
                    if (!waitersOfHolder.TryGetValue(holder, out var waiters)) waitersOfHolder[holder] = waiters = [];
                    waiters.Add(wait.Owner);
                }
            }
        }

        var blocked = new HashSet<IActorRef>(waitsOf.Keys);
        var free = new Queue<IActorRef>();
        foreach (var (owner, waits) in waitsOf)
        {
            if (waits.Any(w => w.Primitive.AnonymousHolders || w.Primitive.Holders.Count == 0 || w.Primitive.Holders.Any(h => !waitsOf.ContainsKey(h))))
            {
                blocked.Remove(owner);
                free.Enqueue(owner);
            }
        }

        // An owner that can go on may release what it holds: its waiters may go on too.
        while (free.TryDequeue(out var owner))
        {
            if (!waitersOfHolder.TryGetValue(owner, out var waiters)) continue;
            foreach (var waiter in waiters)
                if (blocked.Remove(waiter)) free.Enqueue(waiter);
        }

        return blocked;
    }

    /// <summary>Tarjan's strongly connected components of the blocked owners, keeping those that form a cycle.</summary>
    private static List<List<IActorRef>> StronglyConnected(HashSet<IActorRef> blocked,
        Dictionary<IActorRef, List<(Primitive Primitive, WaitReports.WaitStarted Wait)>> waitsOf)
    {
        var index = new Dictionary<IActorRef, int>();
        var low = new Dictionary<IActorRef, int>();
        var stack = new Stack<IActorRef>();
        var onStack = new HashSet<IActorRef>();
        var components = new List<List<IActorRef>>();
        var next = 0;

        IEnumerable<IActorRef> Successors(IActorRef owner) =>
            waitsOf[owner].SelectMany(w => w.Primitive.Holders).Where(blocked.Contains).Distinct().OrderBy(Path);

        void Visit(IActorRef owner)
        {
            index[owner] = low[owner] = next++;
            stack.Push(owner);
            onStack.Add(owner);
            foreach (var successor in Successors(owner))
            {
                if (!index.ContainsKey(successor))
                {
                    Visit(successor);
                    low[owner] = Math.Min(low[owner], low[successor]);
                }
                else if (onStack.Contains(successor))
                {
                    low[owner] = Math.Min(low[owner], index[successor]);
                }
            }

            if (low[owner] != index[owner]) return;
            var component = new List<IActorRef>();
            IActorRef member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (!member.Equals(owner));

            if (component.Count > 1 || Successors(owner).Contains(owner)) components.Add(component);
        }

        foreach (var owner in blocked.OrderBy(Path))
            if (!index.ContainsKey(owner)) Visit(owner);
        return components;
    }

    /// <summary>The participants of one cycle, in cycle order from the owner with the lowest path.</summary>
    private List<DeadlockParticipant> Describe(List<IActorRef> component,
        Dictionary<IActorRef, List<(Primitive Primitive, WaitReports.WaitStarted Wait)>> waitsOf)
    {
        var members = component.ToHashSet();
        var order = new List<IActorRef>();
        var current = component.OrderBy(Path).First();
        while (current is not null && !order.Contains(current))
        {
            order.Add(current);
            current = waitsOf[current].SelectMany(w => w.Primitive.Holders)
                .Where(h => members.Contains(h) && !order.Contains(h)).OrderBy(Path).FirstOrDefault();
        }

        order.AddRange(component.Where(o => !order.Contains(o)).OrderBy(Path));

        var participants = new List<DeadlockParticipant>();
        foreach (var owner in order)
        {
            var holds = _primitives.Values.Where(p => p.Holders.Contains(owner)).OrderBy(p => p.Coordinator.Path.ToString())
                .Select(p => p.Info).ToList();
            foreach (var (primitive, wait) in waitsOf[owner].OrderBy(w => w.Wait.Since))
                participants.Add(new DeadlockParticipant(owner, wait.RequestId, primitive.Info, primitive.Holders, holds, wait.Since, wait.CanBeFailed));
        }

        return participants;
    }

    private static string Path(IActorRef owner) => owner.Path.ToString();

    private sealed class Primitive(IActorRef coordinator, string kind)
    {
        public IActorRef Coordinator { get; } = coordinator;

        public DeadlockedPrimitive Info { get; } = new(coordinator, kind);

        public Dictionary<WaitReports.WaitKey, WaitReports.WaitStarted> Waits { get; } = new();

        public IReadOnlyList<IActorRef> Holders { get; set; } = [];

        public bool AnonymousHolders { get; set; }
    }
}
