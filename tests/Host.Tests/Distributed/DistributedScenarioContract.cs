using Actors.Host.Compare;
using Actors.Host.Distributed;

namespace Actors.Host.Tests.Distributed;

/// <summary>
/// Every scenario of <c>compare --distributed</c>, at tiny sizes, against one way: each run must check out (every hold
/// counted, exclusion kept, permits respected, every item taken once) and count exactly the operations it was sized for.
/// Figures of speed are never asserted.
/// </summary>
public abstract class DistributedScenarioContract<TFixture>(TFixture fixture) where TFixture : DistributedWayFixture
{
    /// <summary>The way under test.</summary>
    internal IDistributedWay Way => fixture.Way;

    /// <summary>The names of every distributed scenario.</summary>
    public static TheoryData<string> ScenarioNames => new(DistributedRunner.Scenarios.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Scenario_TinySizes_ChecksOut_AndCountsEveryOperation(string name)
    {
        var scenario = DistributedRunner.Scenarios.Single(s => s.Name == name);
        var sizes = DistributedSizes.Tiny;

        var outcome = await scenario.RunAsync(Way, sizes, $"t{Guid.NewGuid():N}"[..12], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(outcome.Correct, $"{name} on {Way.Name}: {outcome.Check}");
        Assert.Equal(ExpectedOperations(name, sizes), outcome.Operations);
        Assert.Equal(outcome.Operations, outcome.LatencyTicks.Length);
        Assert.True(outcome.Elapsed > TimeSpan.Zero);
    }

    private static long ExpectedOperations(string name, DistributedSizes sizes) => name switch
    {
        "lock-alone" => sizes.AloneCycles,
        "lock-names" => sizes.NamedOwners * sizes.CyclesPerNamedOwner,
        "lock-contended" => sizes.ContendedOwners * sizes.CyclesPerContendedOwner,
        "semaphore" => sizes.SemaphoreClients * sizes.CallsPerSemaphoreClient,
        "queue" => sizes.QueueItems,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "a scenario this test does not know"),
    };
}

/// <summary>The scenarios against the actor cluster (three nodes in the test process).</summary>
public sealed class ClusterWayScenarioTests(ClusterWayFixture fixture)
    : DistributedScenarioContract<ClusterWayFixture>(fixture), IClassFixture<ClusterWayFixture>
{
    [Fact]
    public async Task LockNames_SaysWhereTheNamesLive_AndFencingTokensAreChecked()
    {
        var outcome = await LockScenario.ManyNames.RunAsync(Way, DistributedSizes.Tiny, "placement", CancellationToken.None);

        Assert.True(outcome.Correct, outcome.Check);
        Assert.Matches(@"fencing tokens rising \(\d+ checked\)", outcome.Check);
        Assert.Matches(@"\d of 3 names on their caller's node", outcome.Check);
    }

    [Fact]
    public async Task LockAlone_TheLockLivesOnAnotherNodeThanTheClient()
    {
        var outcome = await LockScenario.Alone.RunAsync(Way, DistributedSizes.Tiny, "away", CancellationToken.None);

        Assert.True(outcome.Correct, outcome.Check);
        Assert.EndsWith("; 0 of 1 names on their caller's node", outcome.Check);
    }
}

/// <summary>The scenarios against DistributedLock.Redis over the test Redis.</summary>
public sealed class RedisWayScenarioTests(RedisWayFixture fixture)
    : DistributedScenarioContract<RedisWayFixture>(fixture), IClassFixture<RedisWayFixture>;

/// <summary>The scenarios against DistributedLock.Postgres over the test PostgreSQL.</summary>
public sealed class PostgresWayScenarioTests(PostgresWayFixture fixture)
    : DistributedScenarioContract<PostgresWayFixture>(fixture), IClassFixture<PostgresWayFixture>;
