using Actors.Diagnostics;
using Actors.Owners;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Diagnostics;

/// <summary>
/// Waits reported by entities on different nodes meet in the one detector of the cluster (a singleton): a cycle whose
/// owners, locks and waits are spread over two nodes is reported on every node with the same
/// <see cref="DeadlockDetected"/> as in one process, and the resolution policy fails the youngest wait.
/// </summary>
public sealed class ClusterDeadlockTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Detection at once, checked often, failing the youngest wait; no rebalance (a lock moved without persistence would
    /// come back free and end the cycle: see <c>RebalanceTests</c>).
    /// </summary>
    private static readonly Config Detection = ConfigurationFactory.ParseString("""
        akka.cluster.sharding.rebalance-interval = 1h
        actors.deadlock-detection {
          interval = 200ms
          report-after = 0s
          resolution = fail-youngest-waiter
        }
        """);

    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(count: 2, name: "deadlock", config: Detection);

    public async Task DisposeAsync() => await Nodes.DisposeAsync();

    [Fact]
    public async Task Detector_RunsOnOneNodeOnly()
    {
        var found = await Poll.UntilAsync(async () =>
        {
            var identities = await Task.WhenAll(Enumerable.Range(0, Nodes.Systems.Count).Select(i => Nodes.Systems[0]
                .ActorSelection(new RootActorPath(Nodes.AddressOf(i)) / "system" / Actors.Cluster.Diagnostics.ClusterDeadlockDetection.ManagerName / "detector")
                .Ask<ActorIdentity>(new Identify(i), Patience)));
            return identities.Count(identity => identity.Subject is not null);
        }, count => count > 0, "the detector singleton started");
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task CycleOverTwoNodes_IsReportedOnEveryNode_AndTheYoungestWaitFails()
    {
        // Lock X lives on node 0, lock Y on node 1; owner A is on node 0, owner B on node 1.
        var x = await Nodes.NameHostedOnAsync("x", PrimitiveEntityIds.Lock, host: 0);
        var y = await Nodes.NameHostedOnAsync("y", PrimitiveEntityIds.Lock, host: 1);
        var reportsOn0 = PublishedEvents<DeadlockDetected>.Of(Nodes.Systems[0]);
        var reportsOn1 = PublishedEvents<DeadlockDetected>.Of(Nodes.Systems[1]);
        await using var a = ActorOwner.Create(Nodes.Systems[0], "owner-a");
        await using var b = ActorOwner.Create(Nodes.Systems[1], "owner-b");
        var xForA = Nodes.Primitives(0).Lock(x, a.Ref);
        var yForA = Nodes.Primitives(0).Lock(y, a.Ref);
        var xForB = Nodes.Primitives(1).Lock(x, b.Ref);
        var yForB = Nodes.Primitives(1).Lock(y, b.Ref);

        await xForA.AcquireAsync().WaitAsync(Patience);
        await yForB.AcquireAsync().WaitAsync(Patience);
        var aWaitsForY = yForA.AcquireAsync();
        await Poll.UntilAsync(() => yForB.GetStateAsync(), state => state.Waiting == 1, "A waiting for Y");
        var bWaitsForX = xForB.AcquireAsync(); // the younger wait: the policy fails it

        var report = await reportsOn0.NextAsync(Patience);
        var sameReport = await reportsOn1.NextAsync(Patience);

        Assert.Equal(["owner-a", "owner-b"], report.Cycle.Select(p => p.OwnerName).Order());
        Assert.Equal([$"lock:{x}", $"lock:{y}"], report.Cycle.Select(p => p.WaitsFor.Name).Order());
        Assert.Equal(DeadlockResolution.FailYoungestWaiter, report.Resolution);
        Assert.Equal(b.Ref.Path.ToStringWithoutAddress(), report.Victim?.Owner.Path.ToStringWithoutAddress());
        Assert.Equal(report.ToString(), sameReport.ToString());

        var failure = await Assert.ThrowsAsync<DeadlockException>(() => bWaitsForX.WaitAsync(Patience));
        Assert.Contains("owner-a", failure.Message);
        Assert.False(aWaitsForY.IsCompleted);

        // B backs off: A gets Y, the cycle is gone.
        await yForB.ReleaseAsync().WaitAsync(Patience);
        await aWaitsForY.WaitAsync(Patience);
    }
}
