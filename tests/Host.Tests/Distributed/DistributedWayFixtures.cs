using Actors.Host.Distributed;
using Actors.TestSupport;

namespace Actors.Host.Tests.Distributed;

/// <summary>One way of the distributed comparison, opened once for a test class and disposed after it.</summary>
public abstract class DistributedWayFixture : IAsyncLifetime
{
    private IDistributedWay? _way;

    /// <summary>The way the tests run the scenarios against.</summary>
    internal IDistributedWay Way => _way ?? throw new InvalidOperationException("The way has not started.");

    /// <summary>A prefix no other test run uses, for keys, lock names and schemas.</summary>
    protected static string UniquePrefix => $"hosttest{Guid.NewGuid():N}"[..20];

    internal abstract Task<IDistributedWay> StartAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _way = await StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_way is not null) await _way.DisposeAsync();
    }
}

/// <summary>The actor cluster: three nodes in the test process, with the chosen setting (batching on).</summary>
public sealed class ClusterWayFixture : DistributedWayFixture
{
    internal override async Task<IDistributedWay> StartAsync() => await ClusterWay.StartAsync(batching: true, CancellationToken.None);
}

/// <summary>DistributedLock.Redis over the test Redis (<c>ACTORS_TEST_REDIS</c>); fails with how to start it when missing.</summary>
public sealed class RedisWayFixture : DistributedWayFixture
{
    internal override async Task<IDistributedWay> StartAsync()
    {
        var endpoint = TestServers.RedisEndpoint;
        try
        {
            return await RedisWay.ConnectAsync(endpoint, UniquePrefix + ":");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw TestServers.Unreachable("Redis", "ACTORS_TEST_REDIS", e);
        }
    }
}

/// <summary>DistributedLock.Postgres over the test PostgreSQL (<c>ACTORS_TEST_POSTGRES</c>); fails with how to start it when missing.</summary>
public sealed class PostgresWayFixture : DistributedWayFixture
{
    internal override async Task<IDistributedWay> StartAsync()
    {
        var connectionString = TestServers.PostgresConnectionString;
        try
        {
            return await PostgresWay.ConnectAsync(connectionString, UniquePrefix, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw TestServers.Unreachable("PostgreSQL", "ACTORS_TEST_POSTGRES", e);
        }
    }
}
