using Actors.Diagnostics;
using Actors.Owners;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Diagnostics;

/// <summary>
/// The node running the cluster's deadlock detector (the oldest) crashes while a deadlock between owners on the two
/// other nodes stands: the detector starts again on a survivor with an empty graph, the relays resend what their
/// coordinators reported, and the new detector reports the deadlock again. The health check of a node that does not run
/// the detector reports the deadlock, from the old detector and from the new.
/// </summary>
public sealed class DetectorMoveTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Report only (the cycle must last); no rebalance, so the locks stay on the nodes that survive.</summary>
    private static readonly Config Detection = ConfigurationFactory.ParseString("""
        akka.cluster.sharding.rebalance-interval = 1h
        actors.deadlock-detection { interval = 200ms, report-after = 0s, resolution = report-only }
        """);

    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(name: "detector-move", config: Detection);

    public async Task DisposeAsync() => await Nodes.DisposeAsync();

    [Fact]
    public async Task DetectorNodeCrashes_TheNewDetectorReportsTheStandingDeadlockAgain()
    {
        var x = await Nodes.NameHostedOnAsync("x", PrimitiveEntityIds.Lock, host: 1);
        var y = await Nodes.NameHostedOnAsync("y", PrimitiveEntityIds.Lock, host: 2);
        var reports = PublishedEvents<DeadlockDetected>.Of(Nodes.Systems[1]);
        await using var a = ActorOwner.Create(Nodes.Systems[1], "owner-a");
        await using var b = ActorOwner.Create(Nodes.Systems[2], "owner-b");
        await Nodes.Primitives(1).Lock(x, a.Ref).AcquireAsync().WaitAsync(Patience);
        await Nodes.Primitives(2).Lock(y, b.Ref).AcquireAsync().WaitAsync(Patience);
        _ = Nodes.Primitives(1).Lock(y, a.Ref).AcquireAsync();
        _ = Nodes.Primitives(2).Lock(x, b.Ref).AcquireAsync();
        var first = await reports.NextAsync(Patience);
        await AssertUnhealthyAsync(Nodes.Systems[2], x, y);

        await Nodes.KillAsync(0);

        var again = await reports.NextAsync(Patience);
        await AssertUnhealthyAsync(Nodes.Systems[1], x, y);
        Assert.Equal(first.Cycle.Select(p => p.OwnerName).Order(), again.Cycle.Select(p => p.OwnerName).Order());
        Assert.Equal(first.Cycle.Select(p => p.WaitsFor.Name).Order(), again.Cycle.Select(p => p.WaitsFor.Name).Order());
    }

    /// <summary>The health check of a node that does not run the detector asks the singleton, and sees the deadlock.</summary>
    private static async Task AssertUnhealthyAsync(ActorSystem node, string x, string y)
    {
        var health = await new PrimitivesHealthCheck().CheckAsync(node).WaitAsync(Patience);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        Assert.Equal([$"lock:{x}", $"lock:{y}"], (string[])health.Data[PrimitivesHealthCheck.DeadlockedKey]);
    }
}
