using Actors.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;

namespace Actors.Cluster.Diagnostics;

/// <summary>
/// Deadlock detection across the cluster: the core's detector runs once, as a cluster singleton on the oldest node
/// that hosts primitives, and every node's coordinators report their waits to it through the node's
/// <see cref="WaitReportRelay"/>, so a cycle whose owners wait on different nodes lies in one wait-for graph. It is
/// reported with the same <see cref="DeadlockDetected"/> (published on every node's event stream) and resolved by the
/// same <see cref="DeadlockResolution"/> policy (the detector tells the victim's entity, wherever it lives).
/// </summary>
/// <remarks>
/// Why one singleton and not a graph per node: a cycle spanning nodes is visible only where every edge is known, and
/// splitting the graph would need a distributed cycle search (edge chasing) for a fraction of the messages. The
/// reports are few — a wait is reported only once it has lasted <c>actors.deadlock-detection.report-after</c>, and
/// nothing flows while nobody waits — so one actor keeps up with a cluster. When the singleton moves (its node left or
/// crashed) the new one starts empty; each relay resends the current picture of its coordinators every
/// <see cref="WaitReportRelay.ResendEvery"/> intervals while they report waits, so a deadlock older than the move is
/// found again within a few seconds. A wait's start time is taken by its coordinator's clock: across machines whose
/// clocks differ, "youngest waiter" is only as exact as the clocks.
/// </remarks>
internal static class ClusterDeadlockDetection
{
    /// <summary>The singleton manager's name; the detector is its child <c>detector</c>.</summary>
    public const string ManagerName = "actors-cluster-deadlock-detector";

    /// <summary>The relay's name, a system actor on every node.</summary>
    public const string RelayName = "actors-deadlock-relay";

    /// <summary>
    /// Starts the singleton (on nodes that host primitives), its proxy and the relay, and makes the node's coordinators
    /// report to the relay. Does nothing when deadlock detection is disabled.
    /// </summary>
    public static void Start(ExtendedActorSystem system, string? role, bool hostsEntities)
    {
        var detection = DeadlockDetection.Get(system);
        if (!detection.Settings.Enabled) return;
        if (hostsEntities)
            system.SystemActorOf(ClusterSingletonManager.Props(DeadlockDetection.DetectorProps(detection.Settings), PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system).WithRole(role).WithSingletonName("detector")), ManagerName);
        var proxy = system.SystemActorOf(ClusterSingletonProxy.Props($"/system/{ManagerName}",
            ClusterSingletonProxySettings.Create(system).WithRole(role).WithSingletonName("detector")), ManagerName + "-proxy");
        var relay = system.SystemActorOf(WaitReportRelay.Props(proxy, detection.Settings.Interval), RelayName);
        detection.ReportTo(relay);
    }
}
