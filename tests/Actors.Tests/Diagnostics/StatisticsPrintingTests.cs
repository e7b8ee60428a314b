using System.Globalization;
using Actors.Lock;
using Actors.Queue;

namespace Actors.Tests.Diagnostics;

/// <summary><see cref="CoordinatorProtocol.Statistics"/> prints its owners by name and its figures invariantly, not as type names.</summary>
public sealed class StatisticsPrintingTests : CoordinatorTestKit
{
    [Fact]
    public void ToString_NamesOwners_AndPrintsEveryFigure_WhateverTheCulture()
    {
        var statistics = new CoordinatorProtocol.Statistics(7, "mutex", "Lock", 3, 1, 2, 0, 2, 2, 1.5, 2.25)
        {
            Holders = [CreateTestProbe("worker-1").Ref],
            WaitingOwners = [CreateTestProbe("worker-2").Ref, ActorRefs.Nobody],
            LongestWaitMs = 12.125,
        };
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(
                "Statistics { RequestId = 7, Name = mutex, Kind = Lock, Acquisitions = 3, Timeouts = 1, Cancellations = 2, " +
                "OwnerDeathReleases = 0, Waiting = 2, WaitCount = 2, MeanWaitMs = 1.5, MaxWaitMs = 2.25, LongestWaitMs = 12.125, " +
                "Holders = [worker-1], HeldAnonymously = False, WaitingOwners = [worker-2, anonymous] }",
                statistics.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task ToString_OfAQueue_ShowsItsLength()
    {
        var queue = ActorQueue<int>.Create(Sys, name: "printed-queue");
        await queue.PutAsync(1);
        await queue.PutAsync(2);

        var printed = (await queue.GetStatisticsAsync()).ToString();

        Assert.StartsWith("Statistics { RequestId = ", printed);
        Assert.Contains("Name = printed-queue, Kind = Queue, ", printed);
        Assert.EndsWith(", Holders = [], HeldAnonymously = False, WaitingOwners = [], QueueLength = 2 }", printed);
        Assert.DoesNotContain("System.Collections", printed);
    }

    [Fact]
    public async Task ToString_OfAHeldLock_NamesItsHolder()
    {
        var owner = Actors.Owners.ActorOwner.Create(Sys, "printed-holder");
        var mutex = ActorLock.Create(Sys, "printed-lock").WithOwner(owner.Ref);
        await mutex.AcquireAsync();

        Assert.Contains("Holders = [printed-holder], ", (await mutex.GetStatisticsAsync()).ToString());
    }

    [Fact]
    public void ToString_RevokedHoldsAndAMaximumHoldTime_AreShownOnlyWhereThereAreAny()
    {
        var plain = new CoordinatorProtocol.Statistics(1, "bounded", "Lock", 0, 0, 0, 0, 0, 0, 0, 0).ToString();
        Assert.DoesNotContain("ForcedReleases", plain);
        Assert.DoesNotContain("MaxHoldTime", plain);

        var revoked = new CoordinatorProtocol.Statistics(1, "bounded", "Lock", 0, 0, 0, 0, 0, 0, 0, 0)
        {
            ForcedReleases = 2,
            HoldTimeExpiries = 1,
            MaxHoldTime = TimeSpan.FromSeconds(5),
        }.ToString();
        Assert.EndsWith(", ForcedReleases = 2, HoldTimeExpiries = 1, MaxHoldTime = 00:00:05 }", revoked);
    }
}
