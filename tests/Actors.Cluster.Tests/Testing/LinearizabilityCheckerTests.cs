using System.Diagnostics;
using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Models;
using Xunit.Abstractions;
using static Actors.Cluster.Testing.Models.LockModel;

namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// The checker on hand-made histories whose verdict is known: each bad one breaks one promise of a primitive (two
/// holders, a stale token, a lost or twice-delivered item), each good one needs the checker to reorder concurrent
/// operations or to place (or drop) an operation of unknown outcome.
/// </summary>
public sealed class LinearizabilityCheckerTests(ITestOutputHelper output)
{
    private static readonly LockModel Lock = new();
    private static readonly FifoQueueModel Queue = new();

    [Fact]
    public void Lock_TwoHoldersAtOnce_IsRejected()
    {
        var history = new HandMadeHistory()
            .Ok(1, Acquire, 0, 10, output: 1L)
            .Ok(2, Acquire, 20, 30, output: 2L)
            .Ok(1, Release, 40, 50, input: 1L)
            .Ok(2, Release, 60, 70, input: 2L);

        var result = LinearizabilityChecker.Check(Lock, history.Operations);

        output.WriteLine(result.ToString());
        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
    }

    [Fact]
    public void Lock_StaleTokenGranted_IsRejected()
    {
        var history = new HandMadeHistory()
            .Ok(1, Acquire, 0, 10, output: 5L)
            .Ok(1, Release, 20, 30, input: 5L)
            .Ok(2, Acquire, 40, 50, output: 4L);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Lock, history.Operations).Verdict);
    }

    [Fact]
    public void Lock_ConcurrentAcquiresAndAHolderWhoseOwnerDied_AreLinearizable()
    {
        // p2's acquire overlaps p1's release, so it may come after it; p3's grant needs p2's death (unknown outcome:
        // its node was downed) placed before it.
        var history = new HandMadeHistory()
            .Ok(1, Acquire, 0, 10, output: 1L)
            .Ok(2, Acquire, 15, 40, output: 2L)
            .Ok(1, Release, 20, 30, input: 1L)
            .Unknown(2, OwnerLost, 50)
            .Ok(3, Acquire, 45, 70, output: 3L)
            .Ok(3, Release, 80, 90, input: 3L);

        var result = LinearizabilityChecker.Check(Lock, history.Operations);

        Assert.True(result.IsLinearizable, result.ToString());
    }

    [Fact]
    public void Lock_UnknownAcquire_MayBeLeftOutOrPlaced()
    {
        var neverHappened = new HandMadeHistory()
            .Unknown(1, Acquire, 0)
            .Ok(2, Acquire, 10, 20, output: 2L);
        var happenedThenLost = new HandMadeHistory()
            .Unknown(1, Acquire, 0)
            .Unknown(1, OwnerLost, 5)
            .Ok(2, Release, 10, 20, input: 1L)
            .Fail(2, Release, 30, 40, input: 1L);

        Assert.True(LinearizabilityChecker.Check(Lock, neverHappened.Operations).IsLinearizable);
        // p2 released a lock it never held: not even p1's unknown acquire can explain it.
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Lock, happenedThenLost.Operations).Verdict);
    }

    [Fact]
    public void Queue_AcknowledgedPutLost_IsRejected()
    {
        var history = new HandMadeHistory()
            .Ok(1, FifoQueueModel.Put, 0, 10, input: 1L)
            .Ok(2, FifoQueueModel.Get, 20, 30, output: null);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Queue, history.Operations).Verdict);
    }

    [Fact]
    public void Queue_ItemDeliveredTwice_IsRejected()
    {
        var history = new HandMadeHistory()
            .Ok(1, FifoQueueModel.Put, 0, 10, input: 1L)
            .Ok(2, FifoQueueModel.Get, 20, 30, output: 1L)
            .Ok(3, FifoQueueModel.Get, 25, 35, output: 1L);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Queue, history.Operations).Verdict);
    }

    [Fact]
    public void Queue_ConcurrentPutsAndAnUnknownGet_AreLinearizable()
    {
        // The puts overlap, so either order is legal; the unknown get took item 2 to a getter that never confirmed it.
        var history = new HandMadeHistory()
            .Ok(1, FifoQueueModel.Put, 0, 20, input: 1L)
            .Ok(2, FifoQueueModel.Put, 5, 15, input: 2L)
            .Unknown(3, FifoQueueModel.Get, 25)
            .Ok(4, FifoQueueModel.Get, 30, 40, output: 1L)
            .Ok(4, FifoQueueModel.Get, 50, 60, output: null);

        Assert.True(LinearizabilityChecker.Check(Queue, history.Operations).IsLinearizable);
    }

    [Fact]
    public void Queue_Prepared_UnknownPutsNeverSeenDropped_UnknownGetsTakeOnlyUnseenItems_SameVerdict()
    {
        var good = new HandMadeHistory()
            .Unknown(1, FifoQueueModel.Put, 0, input: 7L)
            .Ok(2, FifoQueueModel.Put, 5, 10, input: 8L)
            .Unknown(3, FifoQueueModel.Get, 12)
            .Ok(2, FifoQueueModel.Get, 20, 30, output: null);
        var bad = new HandMadeHistory()
            .Unknown(1, FifoQueueModel.Put, 0, input: 7L)
            .Ok(2, FifoQueueModel.Put, 5, 10, input: 8L)
            .Ok(2, FifoQueueModel.Get, 20, 30, output: null);

        var pruned = FifoQueueModel.Prepare(good.Operations);

        Assert.Equal(3, pruned.Count);
        Assert.True(LinearizabilityChecker.Check(Queue, pruned).IsLinearizable);
        Assert.True(LinearizabilityChecker.Check(Queue, good.Operations).IsLinearizable);
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Queue, FifoQueueModel.Prepare(bad.Operations)).Verdict);
    }

    [Fact]
    public void Queue_ItemsOutOfFifoOrder_AreRejected()
    {
        var history = new HandMadeHistory()
            .Ok(1, FifoQueueModel.Put, 0, 10, input: 1L)
            .Ok(1, FifoQueueModel.Put, 20, 30, input: 2L)
            .Ok(2, FifoQueueModel.Get, 40, 50, output: 2L);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(Queue, history.Operations).Verdict);
    }

    [Fact]
    public void Semaphore_ThirdPermitOfTwo_IsRejected_ButAReleaseOverlappingTheAcquireMakesRoom()
    {
        var model = new SemaphoreModel(2);
        var overdrawn = new HandMadeHistory()
            .Ok(1, SemaphoreModel.Acquire, 0, 10, output: true)
            .Ok(2, SemaphoreModel.Acquire, 0, 10, output: true)
            .Ok(3, SemaphoreModel.Acquire, 20, 30, output: true);
        var madeRoom = new HandMadeHistory()
            .Ok(1, SemaphoreModel.Acquire, 0, 10, output: true)
            .Ok(2, SemaphoreModel.Acquire, 0, 10, output: true)
            .Ok(3, SemaphoreModel.Acquire, 20, 40, output: true)
            .Ok(1, SemaphoreModel.Release, 25, 30);

        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(model, overdrawn.Operations).Verdict);
        Assert.True(LinearizabilityChecker.Check(model, madeRoom.Operations).IsLinearizable);
    }

    [Fact]
    public void FailedOperations_AreLeftOut()
    {
        var history = new HandMadeHistory()
            .Ok(1, Acquire, 0, 10, output: 1L)
            .Fail(2, Release, 20, 30, input: 1L)
            .Ok(1, Release, 40, 50, input: 1L);

        Assert.True(LinearizabilityChecker.Check(Lock, history.Operations).IsLinearizable);
    }

    [Fact]
    public void TenThousandOperations_OfEightConcurrentClients_AreCheckedInSeconds()
    {
        // Eight clients contend for one lock: each acquire overlaps the others' operations, and one in fifty acquires
        // has an unknown outcome followed by its owner's loss. One key, so no help from P-compositionality.
        var history = ContendedLockHistory(operations: 10_000, clients: 8, seed: 15, unknownOneIn: 50);
        var clock = Stopwatch.StartNew();

        var result = LinearizabilityChecker.Check(Lock, history.Operations, budget: TimeSpan.FromSeconds(60));

        output.WriteLine($"{result.Operations} operations checked in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(result.IsLinearizable, result.ToString());
        Assert.True(result.Operations >= 10_000);
    }

    [Fact]
    public void TenThousandOperations_WithOneDoubleGrantInTheMiddle_AreRejected()
    {
        // Without unknown outcomes: with them the search after a violation must try every subset of the unknown operations
        // (a known limit of Knossos-style checking), and the verdict can end undecided instead.
        var history = ContendedLockHistory(operations: 10_000, clients: 8, seed: 16, unknownOneIn: 0, doubleGrantAt: 5_000);

        var clock = Stopwatch.StartNew();

        var result = LinearizabilityChecker.Check(Lock, history.Operations, budget: TimeSpan.FromSeconds(60));

        output.WriteLine($"rejected in {clock.Elapsed.TotalMilliseconds:F0} ms: {result}");
        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
    }

    /// <summary>
    /// A lock history as a correct lock under contention would produce it: grants one after another with increasing
    /// tokens, each acquire invoked while the previous holder still held (so it overlaps that release), and another
    /// client's acquire timing out across the hand-over. With <paramref name="doubleGrantAt"/>, an intruder is granted
    /// (and releases) in the middle of one hold.
    /// </summary>
    private static HandMadeHistory ContendedLockHistory(int operations, int clients, int seed, int unknownOneIn, int doubleGrantAt = -1)
    {
        var random = new Random(seed);
        var history = new HandMadeHistory();
        var time = 0L;
        var token = 0L;
        var nextProcess = clients;
        var turn = new Queue<int>(Enumerable.Range(1, clients));
        while (history.Operations.Count < operations)
        {
            var holder = turn.Dequeue();
            if (unknownOneIn > 0 && random.Next(unknownOneIn) == 0)
            {
                // An acquire whose answer was lost, then its owner stopped: a fresh process takes its place.
                history.Unknown(holder, Acquire, time).Unknown(holder, OwnerLost, time + 5);
                turn.Enqueue(++nextProcess);
                time += 20;
                continue;
            }

            var acquiredAt = time + 10;
            token += 1 + random.Next(2);
            history.Ok(holder, Acquire, time, acquiredAt, output: token);
            history.Ok(turn.Peek(), Acquire, time + 2, time + 12 + random.Next(10), output: null);
            if (history.Operations.Count >= doubleGrantAt && doubleGrantAt >= 0)
            {
                history.Ok(++nextProcess, Acquire, acquiredAt + 1, acquiredAt + 2, output: ++token).Ok(nextProcess, Release, acquiredAt + 3, acquiredAt + 4);
                doubleGrantAt = -1;
            }

            var releasedAt = acquiredAt + 10 + random.Next(10);
            history.Ok(holder, Release, releasedAt, releasedAt + 5, input: token);
            time = releasedAt - 5 - random.Next(5);
            turn.Enqueue(holder);
        }

        return history;
    }
}
