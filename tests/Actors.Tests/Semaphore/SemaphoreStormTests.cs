using System.Diagnostics;
using Actors.Owners;
using Actors.Semaphore;
using Xunit.Abstractions;

namespace Actors.Tests.Semaphore;

/// <summary>
/// Many concurrent async owners hammering one semaphore through leases: never more than k inside, no lost or
/// duplicated permit, and a clean state at the end. Nothing asserted here depends on timing (the maximum number
/// inside is only bounded from above; whether it ever reaches k is not asserted).
/// </summary>
public sealed class SemaphoreStormTests : CoordinatorTestKit
{
    private const int Owners = 64;
    private const int Cycles = 2_000;

    private readonly ITestOutputHelper _output;

    public SemaphoreStormTests(ITestOutputHelper output) : base(output) => _output = output;

    [Fact]
    public async Task EnterAsync_SixtyFourOwnersTimesTwoThousandCyclesOnSemaphoreThree_NeverMoreThanThreeInsideAndCountExact()
    {
        const int permits = 3;
        var sem = ActorSemaphore.Create(Sys, permits);
        var owners = CreateOwners();
        var inside = 0;
        var maxInside = 0;
        long total = 0;

        var elapsed = await StormAsync(sem, owners, Cycles, () =>
        {
            UpdateMax(ref maxInside, Interlocked.Increment(ref inside));
            Interlocked.Increment(ref total); // up to three run here at once, so the count itself must be atomic
            Interlocked.Decrement(ref inside);
        });
        _output.WriteLine($"{Owners} owners x {Cycles} cycles on Semaphore({permits}): {elapsed.TotalSeconds:F2} s, max inside {maxInside}");

        Assert.InRange(maxInside, 1, permits);
        Assert.Equal(0, Volatile.Read(ref inside));
        Assert.Equal((long)Owners * Cycles, Interlocked.Read(ref total));
        await AssertCleanAsync(sem, permits, owners);
    }

    [Fact]
    public async Task EnterAsync_SixtyFourOwnersOnBoundedSemaphoreOne_PlainCounterEndsExact()
    {
        const int cycles = Cycles;
        var sem = ActorSemaphore.CreateBounded(Sys, 1);
        var owners = CreateOwners();
        var inside = 0;
        var maxInside = 0;
        long plainTotal = 0;

        var elapsed = await StormAsync(sem, owners, cycles, () =>
        {
            UpdateMax(ref maxInside, Interlocked.Increment(ref inside));
            // Not atomic on purpose: only the semaphore's exclusion (and the happens-before of its hand-over
            // through the coordinator) keeps increments from being lost.
            var read = plainTotal;
            plainTotal = read + 1;
            Interlocked.Decrement(ref inside);
        });
        _output.WriteLine($"{Owners} owners x {cycles} cycles on BoundedSemaphore(1): {elapsed.TotalSeconds:F2} s");

        Assert.Equal(1, maxInside);
        Assert.Equal((long)Owners * cycles, Interlocked.Read(ref plainTotal));
        await AssertCleanAsync(sem, 1, owners);
    }

    [Fact]
    public async Task MixedAcquires_StormWithTimeoutsCancelsAndTries_NeverMoreThanKInsideAndNoPermitLost()
    {
        const int permits = 3;
        const int cycles = 1_000;
        var sem = ActorSemaphore.Create(Sys, permits);
        var owners = CreateOwners();
        var inside = 0;
        var maxInside = 0;
        long held = 0, missed = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task HoldAsync(Func<Task> release)
        {
            UpdateMax(ref maxInside, Interlocked.Increment(ref inside));
            Interlocked.Increment(ref held);
            Interlocked.Decrement(ref inside);
            await release();
        }

        async Task RunOwnerAsync(ActorSemaphore owned, int seed)
        {
            await start.Task;
            var random = new Random(seed);
            for (var i = 0; i < cycles; i++)
            {
                switch (random.Next(4))
                {
                    case 0:
                        var lease = await owned.EnterAsync();
                        await HoldAsync(() => lease.DisposeAsync().AsTask());
                        break;
                    case 1:
                        if (await owned.TryAcquireAsync(TimeSpan.FromMilliseconds(1))) await HoldAsync(() => owned.ReleaseAsync());
                        else Interlocked.Increment(ref missed);
                        break;
                    case 2:
                        if (await owned.TryAcquireAsync()) await HoldAsync(() => owned.ReleaseAsync());
                        else Interlocked.Increment(ref missed);
                        break;
                    default:
                        // The cancel races the grant: the call either holds a permit or throws, and never keeps one it gave up.
                        using (var cts = new CancellationTokenSource())
                        {
                            var acquiring = owned.AcquireAsync(cts.Token);
                            var cancelling = Task.Run(cts.Cancel);
                            try
                            {
                                await acquiring;
                                await HoldAsync(() => owned.ReleaseAsync());
                            }
                            catch (OperationCanceledException)
                            {
                                Interlocked.Increment(ref missed);
                            }

                            await cancelling;
                        }

                        break;
                }
            }
        }

        var workers = owners.Select((o, i) => Task.Run(() => RunOwnerAsync(sem.WithOwner(o.Ref), seed: i))).ToList();
        var stopwatch = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2));
        _output.WriteLine($"{Owners} owners x {cycles} mixed cycles on Semaphore({permits}): {stopwatch.Elapsed.TotalSeconds:F2} s, held {held}, missed {missed}");

        Assert.InRange(maxInside, 1, permits);
        Assert.Equal((long)Owners * cycles, held + missed);
        await AssertCleanAsync(sem, permits, owners);
    }

    private List<ActorOwner> CreateOwners() => Enumerable.Range(0, Owners).Select(_ => ActorOwner.Create(Sys)).ToList();

    /// <summary>Runs <paramref name="body"/> inside a lease, <paramref name="cycles"/> times per owner, all owners at once.</summary>
    private static async Task<TimeSpan> StormAsync(ActorSemaphore sem, IReadOnlyList<ActorOwner> owners, int cycles, Action body)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task RunOwnerAsync(ActorSemaphore owned)
        {
            await start.Task;
            for (var i = 0; i < cycles; i++)
            {
                await using (await owned.EnterAsync())
                {
                    body();
                }
            }
        }

        var workers = owners.Select(o => Task.Run(() => RunOwnerAsync(sem.WithOwner(o.Ref)))).ToList();
        var stopwatch = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2));
        return stopwatch.Elapsed;
    }

    private static async Task AssertCleanAsync(ActorSemaphore sem, int permits, IEnumerable<ActorOwner> owners)
    {
        // Each owner's last release is a Tell sent before its task completed; this Ask is sent after all of them.
        var state = await sem.GetStateAsync();
        Assert.Equal((permits, 0, 0), (state.Value, state.HeldByOwners, state.Waiting));

        foreach (var owner in owners) await owner.DisposeAsync();
    }

    private static void UpdateMax(ref int max, int candidate)
    {
        var seen = Volatile.Read(ref max);
        while (candidate > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, candidate, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
