using Actors.Cluster.Persistence;
using Actors.Lock;
using Akka.Configuration;

namespace Actors.Cluster.Tests.Persistence;

/// <summary>An epoch entity alone, over SQLite in a temporary file: each incarnation's tokens lie above the last one's.</summary>
public sealed class EpochEntityTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly string Database = Path.Combine(Path.GetTempPath(), $"actors-epoch-{Guid.NewGuid():N}.db");

    public EpochEntityTests() : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(ClusterPrimitivesConfig.Sqlite(Database)))
    {
    }

    [Fact]
    public void LockIncarnations_HandOutTokensAboveEveryEarlierOne()
    {
        var tokens = Incarnations(PrimitiveEntityIds.Lock("epoch-lock"), incarnation =>
        {
            return (new LockProtocol.Acquire(incarnation, ActorRefs.Nobody), reply => ((LockProtocol.Acquired)reply).FencingToken,
                new LockProtocol.Release(10 + incarnation));
        });
        Assert.Equal([(1L << 32) + 1, (1L << 32) + 2, (2L << 32) + 1, (2L << 32) + 2, (3L << 32) + 1, (3L << 32) + 2], tokens);
    }

    [Fact]
    public void RLockIncarnations_HandOutTokensAboveEveryEarlierOne()
    {
        var tokens = Incarnations(PrimitiveEntityIds.RLock("epoch-rlock"), incarnation =>
            (new RLock.RLockProtocol.Acquire(incarnation, TestActor), reply => ((RLock.RLockProtocol.Acquired)reply).FencingToken,
                new RLock.RLockProtocol.Release(10 + incarnation, TestActor)));
        Assert.Equal([(1L << 32) + 1, (1L << 32) + 2, (2L << 32) + 1, (2L << 32) + 2, (3L << 32) + 1, (3L << 32) + 2], tokens);
    }

    [Fact]
    public void UnfencedKinds_AreTheCoreCoordinators_WithoutAnEpochEntity()
    {
        var entity = Sys.ActorOf(PrimitiveEntityProps.For(PrimitiveEntityIds.Semaphore("s", 2, bounded: false), new FencingPersistenceOptions()));
        entity.Tell(new CoordinatorProtocol.GetStatistics(1));
        var statistics = ExpectMsg<CoordinatorProtocol.Statistics>();
        Assert.Equal("Semaphore", statistics.Kind);
        Assert.Equal(entity.Path.Name, statistics.Name);
    }

    /// <summary>Three incarnations of one entity, each granting twice and then stopped; returns the grants' tokens.</summary>
    private List<long> Incarnations(string entityId, Func<long, (object Acquire, Func<object, long> Token, object Release)> protocol)
    {
        var tokens = new List<long>();
        for (var incarnation = 1; incarnation <= 3; incarnation++)
        {
            var entity = Sys.ActorOf(PrimitiveEntityProps.For(entityId, new FencingPersistenceOptions()));
            Watch(entity);
            for (var grant = 0; grant < 2; grant++)
            {
                var (acquire, token, release) = protocol(incarnation * 10 + grant);
                entity.Tell(acquire);
                tokens.Add(token(ExpectMsg<object>(TimeSpan.FromSeconds(20))));
                entity.Tell(release);
                ExpectMsg<object>();
            }

            entity.Tell(PoisonPill.Instance);
            ExpectTerminated(entity);
        }

        return tokens;
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Database)!, Path.GetFileName(Database) + "*")) File.Delete(file);
    }
}
