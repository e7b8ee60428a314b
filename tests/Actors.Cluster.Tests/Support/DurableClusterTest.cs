namespace Actors.Cluster.Tests.Support;

/// <summary>
/// The base of a test class whose cluster journals to a store of its own (<see cref="TestJournal"/>, one per test):
/// starts the nodes a derived class describes, and at the end stops them and removes the store. The derived class is
/// abstract over the store kind and has one nested class per kind.
/// </summary>
public abstract class DurableClusterTest(string store) : IAsyncLifetime
{
    /// <summary>How long one step may take on a slow, shared machine.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ClusterNodes? _nodes;

    /// <summary>The test's store.</summary>
    protected TestJournal Database { get; } = TestJournal.Create(store);

    /// <summary>The running nodes.</summary>
    protected ClusterNodes Nodes => _nodes ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Starts the test's nodes over <see cref="Database"/>.</summary>
    protected abstract Task<ClusterNodes> StartNodesAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _nodes = await StartNodesAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_nodes is not null) await _nodes.DisposeAsync();
        Database.Dispose();
    }
}
