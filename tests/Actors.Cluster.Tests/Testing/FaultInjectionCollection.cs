namespace Actors.Cluster.Tests.Testing;

/// <summary>
/// The tests that inject faults into clusters of their own run one at a time (each starts three nodes and keeps two cores
/// busy), while other test classes may run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultInjectionCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "fault injection";
}
