using Actors.Cluster.Testing.Faults;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// What each side of a fault sees, with the TEST-ONLY timings (the figures it prints are the README's): the holder's node
/// crashes, and a waiter elsewhere is granted with a higher token once the node is downed; the holder's node is isolated,
/// and the majority grants to its waiter once the minority is downed, while the minority downs itself and its waiter
/// gets no grant.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class SplitBrainTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HolderCrashedOrIsolated_MajorityGrantsWithAHigherToken_MinorityDownsItselfAndItsWaitFails()
    {
        var seen = await SplitBrainProbe.MeasureAsync(ClusterTimings.Test, output.WriteLine);

        Assert.True(seen.CrashGrantToken > 0, "the waiter was not granted after the holder's node crashed");
        Assert.True(seen.PartitionGrantToken > seen.HolderToken, $"token {seen.PartitionGrantToken} after {seen.HolderToken}");
        Assert.StartsWith("failed", seen.MinorityWaiter, StringComparison.Ordinal);
    }
}
