using System.Diagnostics;
using Actors.Owners;
using Actors.Protocol;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests.Primitives;

/// <summary>
/// A lease over a cluster lock learns that its hold is lost: when the coordinator releases it (force-release, maximum
/// hold time) through a watcher on the holder's node, and when the holder's node is cut off from the lock's node,
/// before the majority downs it and grants the lock to another owner.
/// </summary>
public sealed class HoldLostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ClusterNodes? _nodes;
    private ClusterNodes Nodes => _nodes!;

    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync(name: "hold-lost", config: Blackhole.Config);

    public async Task DisposeAsync() => await Nodes.DisposeAsync();

    [Fact]
    public async Task HolderPartitionedFromTheLocksNode_HoldLostFiresBeforeTheMajorityGrantsTheLockToAnother()
    {
        // The lock lives on node 0; the holder is on node 2, the waiter on node 1. Node 2 is then cut off from both.
        var name = await Nodes.NameHostedOnAsync("partitioned", PrimitiveEntityIds.Lock, host: 0);
        var holder = ActorOwner.Create(Nodes.Systems[2], "holder");
        await using var waiter = ActorOwner.Create(Nodes.Systems[1], "waiter");
        var holding = Nodes.Primitives(2).Lock(name, holder.Ref);
        var lease = await holding.LockAsync().WaitAsync(Patience);
        var lostAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lease.HoldLost.Register(() => lostAt.TrySetResult(Stopwatch.GetTimestamp()));
        // A round trip from the holder's node after the grant: the coordinator answered the lease's watch before it.
        await holding.GetStateAsync().WaitAsync(Patience);

        var grantedAt = GrantedAtAsync(Nodes.Primitives(1).Lock(name, waiter.Ref).LockAsync());
        var observer = Nodes.Primitives(0).Lock(name);
        await Poll.UntilAsync(observer.GetStateAsync, state => state.Waiting == 1, "the waiter queued");

        var cutAt = Stopwatch.GetTimestamp();
        await Blackhole.CutAsync(Nodes.Systems[2], Nodes.AddressOf(0));
        await Blackhole.CutAsync(Nodes.Systems[2], Nodes.AddressOf(1));

        var (lost, granted) = (await lostAt.Task.WaitAsync(Patience), await grantedAt.WaitAsync(Patience));
        output.WriteLine($"after the cut (test settings): hold lost {Stopwatch.GetElapsedTime(cutAt, lost).TotalMilliseconds:F0} ms, "
                         + $"lock granted on the majority {Stopwatch.GetElapsedTime(cutAt, granted).TotalMilliseconds:F0} ms");
        Assert.True(lost < granted, $"the hold was lost at {lost}, the lock granted to another at {granted} (Stopwatch ticks)");
        Assert.Equal(HoldLostReason.CoordinatorUnreachable, lease.LostReason);
    }

    [Fact]
    public async Task ForceReleaseOnAnotherNode_RemoteHoldersLeaseFiresAndTheWaiterGetsAHigherToken()
    {
        var name = await Nodes.NameHostedOnAsync("revoked", PrimitiveEntityIds.Lock, host: 0);
        await using var holder = ActorOwner.Create(Nodes.Systems[2], "revoked-holder");
        await using var waiter = ActorOwner.Create(Nodes.Systems[1], "revoked-waiter");
        var lease = await Nodes.Primitives(2).Lock(name, holder.Ref).LockAsync().WaitAsync(Patience);
        var next = Nodes.Primitives(1).Lock(name, waiter.Ref).LockAsync();
        var admin = Nodes.Primitives(0).Lock(name);
        await Poll.UntilAsync(admin.GetStateAsync, state => state.Waiting == 1, "the waiter queued");

        Assert.Equal(1, await admin.ForceReleaseAsync().WaitAsync(Patience));

        var granted = await next.WaitAsync(Patience);
        await Poll.UntilAsync(() => lease.HoldLost.IsCancellationRequested, "the remote lease told");
        Assert.Equal(HoldLostReason.ForceReleased, lease.LostReason);
        Assert.True(granted.FencingToken > lease.FencingToken, $"token {granted.FencingToken} after {lease.FencingToken}");
        Assert.False(granted.HoldLost.IsCancellationRequested);
    }

    [Fact]
    public async Task MaxHoldTimeOnASemaphore_RemoteHoldersLeaseFiresAndThePermitComesBack()
    {
        var name = await Nodes.NameHostedOnAsync("bounded", n => PrimitiveEntityIds.Semaphore(n, 1, bounded: true), host: 0);
        var semaphore = Nodes.Primitives(2).Semaphore(name, 1, bounded: true);
        await semaphore.SetMaxHoldTimeAsync(TimeSpan.FromMilliseconds(500)).WaitAsync(Patience);
        var lease = await semaphore.EnterAsync().WaitAsync(Patience);

        await Poll.UntilAsync(() => lease.HoldLost.IsCancellationRequested, "the lease expired");

        Assert.Equal(HoldLostReason.MaxHoldTimeExceeded, lease.LostReason);
        var next = await Nodes.Primitives(1).Semaphore(name, 1, bounded: true).EnterAsync().WaitAsync(Patience);
        Assert.True(next.FencingToken > lease.FencingToken, $"token {next.FencingToken} after {lease.FencingToken}");
        Assert.Equal(1, (await semaphore.GetStatisticsAsync().WaitAsync(Patience)).HoldTimeExpiries);
    }

    [Fact]
    public async Task AGuardOfAnyNode_FiresWhenThisNodeLosesContactWithAnotherNode()
    {
        // What a lease over a remote coordinator relies on until the coordinator has named its node.
        var lost = new TaskCompletionSource<HoldLostReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The watch is in the guard actor's mailbox before the cut, so before the unreachability that follows it.
        using var watch = ClusterPrimitives.Get(Nodes.Systems[2]).HoldGuard.GuardAnyNode(reason => lost.TrySetResult(reason));

        await Blackhole.CutAsync(Nodes.Systems[2], Nodes.AddressOf(1));

        Assert.Equal(HoldLostReason.CoordinatorUnreachable, await lost.Task.WaitAsync(Patience));
    }

    private static async Task<long> GrantedAtAsync(Task<Lease> grant)
    {
        await grant.ConfigureAwait(false);
        return Stopwatch.GetTimestamp();
    }
}
