using System.Diagnostics;
using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Models;
using Actors.Cluster.Testing.Workloads;
using Xunit.Abstractions;
using static Actors.Cluster.Testing.Models.FifoQueueModel;

namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// The at-least-once FIFO model and the queue audit on hand-made histories: a redelivery after an unconfirmed delivery
/// is accepted; an item confirmed to two getters, an acknowledged item lost, and an item out of FIFO order that no
/// unconfirmed delivery explains are rejected.
/// </summary>
public sealed class AtLeastOnceFifoQueueModelTests(ITestOutputHelper output)
{
    private static readonly AtLeastOnceFifoQueueModel Model = new();

    [Fact]
    public void UnconfirmedDelivery_ThenRedeliveryToAConfirmedGetter_IsAccepted()
    {
        // Getter 3 received item 1 but its confirmation went unanswered; item 2, behind it, went to getter 4; item 1
        // came back to its place and went to getter 5.
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Put, 12, 20, input: 2L)
            .Unknown(3, Get, 25, output: 1L)
            .Ok(4, Get, 30, 40, output: 2L)
            .Ok(5, Get, 50, 60, output: 1L)
            .Ok(5, Get, 70, 80, output: null);

        var result = Check(history);

        Assert.True(result.IsLinearizable, result.ToString());
        Assert.Empty(QueueAudit.Violations(history.Operations));
        // The exactly-once model has no redelivery: it rejects the same history.
        Assert.Equal(Verdict.NotLinearizable, LinearizabilityChecker.Check(new FifoQueueModel(), history.Operations).Verdict);
    }

    [Fact]
    public void GetThatReceivedNothing_ThenItemsBehindTheHeadFirst_IsAccepted()
    {
        // Getter 3's reply was lost: it may have taken item 1, which came back after item 2 was confirmed.
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Put, 12, 20, input: 2L)
            .Unknown(3, Get, 25)
            .Ok(4, Get, 30, 40, output: 2L)
            .Ok(5, Get, 50, 60, output: 1L);

        Assert.True(Check(history).IsLinearizable);
        Assert.Empty(QueueAudit.Violations(history.Operations));
    }

    [Fact]
    public void ItemConfirmedToTwoGetters_IsRejected_ByTheModelAndTheAudit()
    {
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Unknown(2, Get, 15, output: 1L)
            .Ok(3, Get, 20, 30, output: 1L)
            .Ok(4, Get, 40, 50, output: 1L);

        var result = Check(history);

        output.WriteLine(result.ToString());
        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        Assert.Contains(QueueAudit.Violations(history.Operations), v => v.Contains("2 confirmed getters", StringComparison.Ordinal));
    }

    [Fact]
    public void AcknowledgedItemLost_IsRejected_ByTheModelWhenTheQueueAnswersEmpty()
    {
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Get, 20, 30, output: null);

        Assert.Equal(Verdict.NotLinearizable, Check(history).Verdict);
        Assert.NotEmpty(QueueAudit.Violations(history.Operations));
    }

    [Fact]
    public void AcknowledgedItemLost_BehindAGetThatReceivedNothing_IsAcceptedByTheModel_ButTheAuditRejectsIt()
    {
        // The model may let the blind get take item 1 for ever (its reply lost); but that getter never confirmed, so the
        // item had to come back for the final drain: the audit counts it lost.
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Unknown(2, Get, 15)
            .Ok(3, Get, 20, 30, output: null);

        Assert.True(Check(history).IsLinearizable);
        Assert.Contains(QueueAudit.Violations(history.Operations), v => v.Contains("1 acknowledged items", StringComparison.Ordinal));
    }

    [Fact]
    public void ItemOutOfFifoOrder_WithNoUnconfirmedDeliveryToExplainIt_IsRejected()
    {
        // The only get of unknown outcome began after item 2 was confirmed: it cannot have taken item 1 before that.
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Put, 12, 20, input: 2L)
            .Ok(3, Get, 25, 35, output: 2L)
            .Unknown(4, Get, 40)
            .Ok(5, Get, 50, 60, output: 1L);

        var result = Check(history);

        output.WriteLine(result.ToString());
        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
    }

    [Fact]
    public void ItemOutOfFifoOrder_AfterAnUnknownGetOfAnotherItem_IsRejected()
    {
        // Getter 3 received item 2, not item 1: it explains no skip of item 1 (item 2 was never the head before 1 left).
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Put, 12, 20, input: 2L)
            .Ok(2, Put, 22, 24, input: 3L)
            .Unknown(3, Get, 25, output: 2L)
            .Ok(4, Get, 30, 40, output: 3L);

        Assert.Equal(Verdict.NotLinearizable, Check(history).Verdict);
    }

    [Fact]
    public void Prepared_GetsThatReceivedNothingTakeInInvocationOrder_SameVerdictAsUnprepared()
    {
        var good = new HandMadeHistory()
            .Unknown(1, Put, 0, input: 7L)
            .Ok(2, Put, 5, 10, input: 8L)
            .Ok(2, Put, 11, 12, input: 9L)
            .Unknown(3, Get, 13)
            .Unknown(4, Get, 14)
            .Ok(5, Get, 20, 30, output: 9L)
            .Ok(5, Get, 40, 50, output: 8L);

        Assert.True(LinearizabilityChecker.Check(Model, good.Operations).IsLinearizable);
        Assert.True(Check(good).IsLinearizable);
        Assert.DoesNotContain(AtLeastOnceFifoQueueModel.Prepare(good.Operations), o => o.Input is 7L);
    }

    [Fact]
    public void ManyConcurrentPutsOfUnknownOutcome_DeliveredWithTheirSequences_CheckQuickly()
    {
        // As when the queue's node was down: puts buffered, their clients gave up, the queue applied them later in an
        // order of its own (the sequences it gave), and the drain received them in that order, one after redelivery.
        const int puts = 16;
        var history = new HandMadeHistory();
        for (var i = 0; i < puts; i++) history.Unknown(i, Put, i, input: 100L + i);
        var order = Enumerable.Range(0, puts).OrderBy(i => (i * 7) % puts).ToList();
        history.Unknown(20, Get, 100, output: new SequencedItem(100L + order[0], 1));
        for (var place = 0; place < puts; place++)
            history.Ok(21, Get, 200 + place * 10, 205 + place * 10, output: new SequencedItem(100L + order[place], place + 1));
        var clock = Stopwatch.StartNew();

        var result = Check(history);

        output.WriteLine($"{result.Operations} operations checked in {clock.Elapsed.TotalSeconds:F2} s: {result.Verdict}");
        Assert.True(result.IsLinearizable, result.ToString());
    }

    [Fact]
    public void SequencesThatContradictRealTime_AreRejected()
    {
        // The queue claims it applied the put of 2 before the put of 1, which completed before 2's put began.
        var history = new HandMadeHistory()
            .Ok(1, Put, 0, 10, input: 1L)
            .Ok(2, Put, 20, 30, input: 2L)
            .Ok(3, Get, 40, 50, output: new SequencedItem(2L, 1))
            .Ok(3, Get, 60, 70, output: new SequencedItem(1L, 2));

        Assert.Equal(Verdict.NotLinearizable, Check(history).Verdict);
    }

    [Fact]
    public void ThreeThousandOperationsWithUnknownPutsAndRedeliveries_CheckInSeconds()
    {
        var history = SimulatedHistory(operations: 3_000, seed: 15);
        var clock = Stopwatch.StartNew();

        var result = Check(history);

        output.WriteLine($"{result.Operations} operations checked in {clock.Elapsed.TotalSeconds:F2} s: {result.Verdict}");
        Assert.True(result.IsLinearizable, result.ToString());
        Assert.Empty(QueueAudit.Violations(history.Operations));
    }

    private static LinearizabilityResult Check(HandMadeHistory history) =>
        LinearizabilityChecker.Check(Model, AtLeastOnceFifoQueueModel.Prepare(history.Operations));

    /// <summary>
    /// A run of a queue that delivers at least once, simulated: overlapping operations, now and then a put of unknown
    /// outcome, and a get whose confirmation goes unanswered (its item known or not), its item put back at its place
    /// later and delivered again; items are numbered in put order, so an item is its own sequence.
    /// </summary>
    private static HandMadeHistory SimulatedHistory(int operations, int seed)
    {
        var random = new Random(seed);
        var history = new HandMadeHistory();
        var queue = new SortedDictionary<long, long>();
        var unconfirmed = new List<(long Sequence, long Item)>();
        var (time, nextItem) = (0L, 1L);
        for (var i = 0; i < operations; i++, time += 10)
        {
            var process = i % 8;
            if (unconfirmed.Count > 0 && random.Next(6) == 0)
            {
                var back = unconfirmed[random.Next(unconfirmed.Count)];
                unconfirmed.Remove(back);
                queue.Add(back.Sequence, back.Item);
            }

            if (queue.Count < 3 || random.Next(2) == 0)
            {
                queue.Add(nextItem, nextItem);
                if (random.Next(20) == 0) history.Unknown(process, Put, time, input: nextItem++);
                else history.Ok(process, Put, time, time + 15, input: nextItem++);
                continue;
            }

            var (sequence, item) = queue.First();
            queue.Remove(sequence);
            switch (random.Next(30))
            {
                case 0:
                    unconfirmed.Add((sequence, item));
                    history.Unknown(process, Get, time, output: new SequencedItem(item, sequence));
                    break;
                case 1:
                    unconfirmed.Add((sequence, item));
                    history.Unknown(process, Get, time);
                    break;
                default:
                    history.Ok(process, Get, time, time + 15, output: new SequencedItem(item, sequence));
                    break;
            }
        }

        foreach (var (sequence, item) in unconfirmed) queue.Add(sequence, item);
        foreach (var (sequence, item) in queue) history.Ok(9, Get, time += 10, time + 5, output: new SequencedItem(item, sequence));
        return history;
    }
}
