namespace Actors.Cluster.Testing.Faults;

/// <summary>What each side of a fault saw, measured by <see cref="SplitBrainProbe"/>.</summary>
/// <param name="Timings">The timings the cluster ran with.</param>
/// <param name="CrashToGrant">From the kill of the holder's node to the grant to a waiter on another node.</param>
/// <param name="CrashGrantToken">The fencing token of that grant.</param>
/// <param name="PartitionToGrant">From the isolation of the holder's node to the grant to a waiter on the majority side.</param>
/// <param name="PartitionToMinorityDown">From the isolation to the minority node's shutting down (it downed itself).</param>
/// <param name="MinorityWaiter">What a waiter on the minority side got (its request had a long timeout).</param>
/// <param name="MinorityWaiterAfter">When the minority waiter's request ended, after the isolation.</param>
/// <param name="HolderToken">The fencing token of the isolated holder's grant.</param>
/// <param name="PartitionGrantToken">The fencing token of the majority's grant after the partition.</param>
public sealed record SplitBrainObservation(
    string Timings,
    TimeSpan CrashToGrant,
    long CrashGrantToken,
    TimeSpan PartitionToGrant,
    TimeSpan PartitionToMinorityDown,
    string MinorityWaiter,
    TimeSpan MinorityWaiterAfter,
    long HolderToken,
    long PartitionGrantToken)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Timings} timings: crash of the holder's node -> next grant on another node {CrashToGrant.TotalSeconds:F1} s; "
        + $"holder's node isolated -> majority grant {PartitionToGrant.TotalSeconds:F1} s (token {HolderToken} -> {PartitionGrantToken}), "
        + $"minority node down after {PartitionToMinorityDown.TotalSeconds:F1} s, minority waiter: {MinorityWaiter} after {MinorityWaiterAfter.TotalSeconds:F1} s";
}
