namespace Actors.Cluster.Tests.Support;

/// <summary>One three-node cluster shared by the tests that leave it whole (they use names of their own).</summary>
public sealed class ThreeNodeCluster : IAsyncLifetime
{
    private ClusterNodes? _nodes;

    /// <summary>The running nodes.</summary>
    public ClusterNodes Nodes => _nodes ?? throw new InvalidOperationException("The cluster has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _nodes = await ClusterNodes.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_nodes is not null) await _nodes.DisposeAsync();
    }
}

/// <summary>The test collection that shares <see cref="ThreeNodeCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ThreeNodeClusterCollection : ICollectionFixture<ThreeNodeCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "three-node cluster";
}
