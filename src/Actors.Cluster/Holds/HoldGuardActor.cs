using Actors.Protocol;
using Akka.Actor;
using Akka.Cluster;

namespace Actors.Cluster.Holds;

/// <summary>
/// Follows the cluster's membership and reachability for <see cref="ClusterHoldGuard"/> and calls the watches it holds:
/// a watch of a node is called when that node becomes unreachable or leaves, is downed or removed; a watch of any node
/// (a hold whose coordinator's node is not known yet) when any other node does so after the watch began; every watch
/// is called when this node leaves or is downed. Each watch is called once and then forgotten.
/// </summary>
internal sealed class HoldGuardActor : ReceiveActor
{
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly Dictionary<long, Watch> _watches = new();
    private readonly HashSet<Address> _untrusted = [];
    private bool _selfLeaving;

    public HoldGuardActor()
    {
        Receive<Watch>(OnWatch);
        Receive<Unwatch>(unwatch => _watches.Remove(unwatch.Id));
        Receive<ClusterEvent.UnreachableMember>(e => Untrusted(e.Member.Address));
        Receive<ClusterEvent.ReachableMember>(e => _untrusted.Remove(e.Member.Address));
        Receive<ClusterEvent.MemberStatusChange>(e => OnStatus(e.Member));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    /// <summary>Starts watching the node <paramref name="Node"/> (any other node when null) for one hold.</summary>
    public sealed record Watch(long Id, Address? Node, Action<HoldLostReason> Lost);

    /// <summary>The hold ended: stop watching.</summary>
    public sealed record Unwatch(long Id);

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void OnWatch(Watch watch)
    {
        var node = watch.Node is null || watch.Node.HasGlobalScope ? watch.Node : _cluster.SelfAddress;
        if (_selfLeaving) watch.Lost(HoldLostReason.HolderNodeLeaving);
        else if (node is not null && _untrusted.Contains(node)) watch.Lost(HoldLostReason.CoordinatorUnreachable);
        else _watches[watch.Id] = watch with { Node = node };
    }

    private void OnStatus(Member member)
    {
        if (member.Status is MemberStatus.Up or MemberStatus.Joining or MemberStatus.WeaklyUp)
        {
            _untrusted.Remove(member.Address); // a new incarnation at the address of a removed node
            return;
        }

        if (member.Address.Equals(_cluster.SelfAddress))
        {
            _selfLeaving = true;
            foreach (var watch in _watches.Values) watch.Lost(HoldLostReason.HolderNodeLeaving);
            _watches.Clear();
        }
        else
        {
            Untrusted(member.Address);
        }
    }

    private void Untrusted(Address node)
    {
        if (node.Equals(_cluster.SelfAddress)) return;
        _untrusted.Add(node);
        foreach (var watch in _watches.Values.Where(w => w.Node is null || w.Node.Equals(node)).ToList())
        {
            _watches.Remove(watch.Id);
            watch.Lost(HoldLostReason.CoordinatorUnreachable);
        }
    }
}
