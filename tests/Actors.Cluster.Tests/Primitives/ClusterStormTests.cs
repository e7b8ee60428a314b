using System.Collections.Concurrent;
using Actors.Lock;

namespace Actors.Cluster.Tests.Primitives;

/// <summary>Many owners on three nodes contend for one lock and one bounded semaphore, with random timeouts and cancellations.</summary>
[Collection(ThreeNodeClusterCollection.Name)]
public sealed class ClusterStormTests(ThreeNodeCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const int WorkersPerNode = 4;
    private const int RoundsPerWorker = 12;
    private ClusterNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task Lock_StormFromThreeNodes_NeverAdmitsTwo_AndFencingTokensOnlyIncrease()
    {
        var guard = new FencingTokenGuard();
        var inside = 0;
        var grants = 0;
        var violations = new ConcurrentQueue<string>();

        async Task Work(int node, int seed)
        {
            var random = new Random(seed);
            var facade = Nodes.Primitives(node).Lock("storm-lock");
            for (var round = 0; round < RoundsPerWorker; round++)
            {
                long? token = null;
                Lease? lease = null;
                if (random.Next(2) == 0)
                {
                    using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 40)));
                    try
                    {
                        lease = await facade.LockAsync(cancellation.Token);
                        token = lease.FencingToken;
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                else if (await facade.TryAcquireAsync(TimeSpan.FromMilliseconds(random.Next(0, 40))))
                {
                    // Held by this worker, so the lock's latest token is this grant's.
                    token = (await facade.GetStateAsync()).FencingToken;
                }

                if (token is not { } granted) continue;
                if (Interlocked.Increment(ref inside) != 1) violations.Enqueue($"two inside at token {granted}");
                var previous = guard.Highest;
                if (previous >= granted || !guard.TryAccept(granted)) violations.Enqueue($"token {granted} after {previous}");
                Interlocked.Increment(ref grants);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                if (lease is not null) await lease.DisposeAsync();
                else await facade.ReleaseAsync();
            }
        }

        var workers = Enumerable.Range(0, 3 * WorkersPerNode).Select(i => Task.Run(() => Work(i % 3, 1000 + i)));
        await Task.WhenAll(workers).WaitAsync(Patience);

        Assert.Empty(violations);
        Assert.True(grants > 0);
        // Nothing is leaked to a race between a cancel and a grant: the lock ends free, with nobody waiting.
        var state = await Poll.UntilAsync(Nodes.Primitives(0).Lock("storm-lock").GetStateAsync, s => !s.Locked && s.Waiting == 0, "free");
        Assert.True(state.FencingToken >= grants, $"{grants} grants but the latest token is {state.FencingToken}");
    }

    [Fact]
    public async Task BoundedSemaphore_StormFromThreeNodes_NeverAdmitsMoreThanItsValue_AndLosesNoPermit()
    {
        const int capacity = 3;
        var inside = 0;
        var most = 0;

        async Task Work(int node, int seed)
        {
            var random = new Random(seed);
            var semaphore = Nodes.Primitives(node).Semaphore("storm-semaphore", capacity, bounded: true);
            for (var round = 0; round < RoundsPerWorker; round++)
            {
                using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 60)));
                Lease lease;
                try
                {
                    lease = await semaphore.EnterAsync(cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    continue;
                }

                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                await lease.DisposeAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3 * WorkersPerNode).Select(i => Task.Run(() => Work(i % 3, 2000 + i)))).WaitAsync(Patience);

        Assert.InRange(most, 1, capacity);
        var semaphore = Nodes.Primitives(1).Semaphore("storm-semaphore", capacity, bounded: true);
        await Poll.UntilAsync(semaphore.GetStateAsync, state => state.Value == capacity && state.Waiting == 0, "every permit back");
    }

    [Fact]
    public async Task Semaphore_PermitsTakenOnThreeNodes_LeaveNoneForAFourth_UntilOneIsReleased()
    {
        var semaphores = Enumerable.Range(0, 3).Select(node => Nodes.Primitives(node).Semaphore("capacity-semaphore", 3, bounded: true)).ToList();
        var leases = new List<Lease>();
        foreach (var semaphore in semaphores) leases.Add(await semaphore.EnterAsync().WaitAsync(Patience));
        Assert.False(await semaphores[2].TryAcquireAsync().WaitAsync(Patience));

        var waiting = semaphores[1].EnterAsync();
        await leases[0].DisposeAsync();
        leases.Add(await waiting.WaitAsync(Patience));
        foreach (var lease in leases.Skip(1)) await lease.DisposeAsync();
        // Every permit is back once all releases are handled; one more release would raise it above its value.
        await Poll.UntilAsync(semaphores[0].GetValueAsync, value => value == 3, "every permit back");
        await Assert.ThrowsAsync<SemaphoreFullException>(() => semaphores[0].ReleaseAsync());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current) current = seen;
    }
}
