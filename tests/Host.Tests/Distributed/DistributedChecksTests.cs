using Actors.Host.Distributed;

namespace Actors.Host.Tests.Distributed;

/// <summary>
/// The checks of the distributed scenarios fail when a run is wrong: fed a way that breaks on purpose, or a probe that
/// sees two holders at once, the outcome says so.
/// </summary>
public sealed class DistributedChecksTests
{
    private static readonly DistributedSizes Sizes = DistributedSizes.Tiny with { SemaphoreWork = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task LockScenario_FallingFencingTokens_IsWrong()
    {
        await using var way = new BrokenWay(BrokenWay.Fault.FallingTokens);

        var outcome = await LockScenario.Contended.RunAsync(way, Sizes, "broken", CancellationToken.None);

        Assert.False(outcome.Correct, outcome.Check);
        Assert.Contains("fencing tokens not rising", outcome.Check);
    }

    [Fact]
    public async Task SemaphoreScenario_MoreCallsAtOnceThanPermits_IsWrong()
    {
        await using var way = new BrokenWay(BrokenWay.Fault.SemaphoreOverAdmits);

        var outcome = await new SemaphoreLimitScenario().RunAsync(way, Sizes, "broken", CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(outcome.Correct, outcome.Check);
        Assert.Matches($@"at most [3-9] at once \(permits {Sizes.SemaphorePermits}\)", outcome.Check);
    }

    [Theory]
    [InlineData(false, "1 never")]
    [InlineData(true, "1 more than once")]
    public async Task QueueScenario_ALostOrRepeatedItem_IsWrong(bool repeated, string expected)
    {
        await using var way = new BrokenWay(repeated ? BrokenWay.Fault.QueueRepeatsAnItem : BrokenWay.Fault.QueueLosesAnItem);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var outcome = await new WorkQueueScenario().RunAsync(way, Sizes, "broken", timeout.Token);

        Assert.False(outcome.Correct, outcome.Check);
        Assert.Contains(expected, outcome.Check);
    }

    [Fact]
    public void ExclusionProbe_TwoHoldersInside_IsWrong_OneAtATimeIsRight()
    {
        var overlapping = new ExclusionProbe();
        overlapping.Enter(1);
        overlapping.Enter(2);
        overlapping.Exit();
        overlapping.Exit();
        var sequential = new ExclusionProbe();
        sequential.Enter(1);
        sequential.Exit();
        sequential.Enter(2);
        sequential.Exit();

        var (wrong, why) = ExclusionProbe.Verdict([overlapping], 2);
        var (right, check) = ExclusionProbe.Verdict([sequential], 2);

        Assert.False(wrong);
        Assert.Contains("at most 2 holders inside at once", why);
        Assert.True(right, check);
        Assert.Equal("2 of 2 holds counted, at most 1 holder inside at once, fencing tokens rising (2 checked)", check);
    }

    [Fact]
    public void ExclusionProbe_AHoldNotCounted_IsWrong()
    {
        var probe = new ExclusionProbe();
        probe.Enter(null);
        probe.Exit();

        var (correct, check) = ExclusionProbe.Verdict([probe], 2);

        Assert.False(correct);
        Assert.Equal("1 of 2 holds counted, at most 1 holder inside at once, no fencing tokens", check);
    }
}
