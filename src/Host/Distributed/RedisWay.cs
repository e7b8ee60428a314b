using System.Collections.Concurrent;
using Medallion.Threading.Redis;
using StackExchange.Redis;

namespace Actors.Host.Distributed;

/// <summary>
/// DistributedLock.Redis over one Redis server: <see cref="RedisDistributedLock"/> and <see cref="RedisDistributedSemaphore"/>
/// through one shared <see cref="ConnectionMultiplexer"/> (as an application has one), and, since DistributedLock has no
/// queue, a Redis list: <c>LPUSH</c> to put, <c>BRPOP</c> to take.
/// </summary>
/// <remarks>
/// <c>BRPOP</c> blocks its connection, and StackExchange.Redis multiplexes every command of a multiplexer over one
/// connection, so each taker gets a multiplexer of its own. Every key starts with a prefix of the run, so runs and tests
/// do not see each other's keys.
/// </remarks>
internal sealed class RedisWay : IDistributedWay
{
    /// <summary>The report's column.</summary>
    public const string Column = "redis";

    private readonly ConnectionMultiplexer _shared;
    private readonly string _configuration;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<int, Lazy<Task<ConnectionMultiplexer>>> _takers = new();

    private RedisWay(ConnectionMultiplexer shared, string configuration, string prefix) =>
        (_shared, _configuration, _prefix) = (shared, configuration, prefix);

    /// <inheritdoc />
    public string Name => Column;

    /// <summary>What DistributedLock.Redis promises.</summary>
    public static WayGuarantees Promises { get; } = new(
        Fifo: "no: waiters poll (sleeps of 10–800 ms), whoever asks right after a release wins",
        FencingTokens: "no",
        OwnerDeathRelease: "yes, when the lease expires (30 s by default; renewed while the holder lives)",
        HoldLostSignal: "yes: HandleLostToken fires when renewing the lease fails",
        Queue: "a Redis list: LPUSH, BRPOP (a taker that dies loses the item it took; BLMOVE to a per-taker list would keep it)");

    /// <inheritdoc />
    public WayGuarantees Guarantees => Promises;

    /// <summary>Connects to the Redis server at <paramref name="endpoint"/> (<c>host:port</c>); keys start with <paramref name="prefix"/>.</summary>
    public static async Task<RedisWay> ConnectAsync(string endpoint, string prefix)
    {
        var configuration = $"{endpoint},abortConnect=false,connectTimeout=5000";
        var shared = await ConnectionMultiplexer.ConnectAsync(configuration);
        if (!shared.IsConnected)
        {
            await shared.DisposeAsync();
            throw new InvalidOperationException($"Redis at {endpoint} did not answer.");
        }
        return new RedisWay(shared, configuration, prefix);
    }

    /// <inheritdoc />
    public async Task<IDistributedHold> LockAsync(string name, int caller, CancellationToken cancellation) =>
        new Hold(await new RedisDistributedLock(_prefix + name, _shared.GetDatabase()).AcquireAsync(cancellationToken: cancellation));

    /// <inheritdoc />
    public async Task<IDistributedHold> EnterSemaphoreAsync(string name, int permits, int caller, CancellationToken cancellation) =>
        new Hold(await new RedisDistributedSemaphore(_prefix + name, permits, _shared.GetDatabase()).AcquireAsync(cancellationToken: cancellation));

    /// <inheritdoc />
    public IDistributedQueue Queue(string name, int caller) => new ListQueue(this, _prefix + name, caller);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var taker in _takers.Values) (await taker.Value).Dispose();
        await _shared.DisposeAsync();
    }

    /// <summary>The multiplexer of taker <paramref name="caller"/>, made on first use.</summary>
    private Task<ConnectionMultiplexer> TakerConnection(int caller) =>
        _takers.GetOrAdd(caller, _ => new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(_configuration))).Value;

    private sealed class Hold(IAsyncDisposable handle) : IDistributedHold
    {
        public long? FencingToken => null;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }

    private sealed class ListQueue(RedisWay way, string key, int caller) : IDistributedQueue
    {
        /// <summary>How long one BRPOP blocks before it is sent again (so a cancelled taker does not block for ever).</summary>
        private const int BlockSeconds = 1;

        public Task PutAsync(long item, CancellationToken cancellation) => way._shared.GetDatabase().ListLeftPushAsync(key, item);

        public async Task<long> TakeAsync(CancellationToken cancellation)
        {
            var database = (await way.TakerConnection(caller)).GetDatabase();
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var reply = await database.ExecuteAsync("BRPOP", key, BlockSeconds);
                if (!reply.IsNull) return (long)((RedisResult[])reply!)[1];
            }
        }
    }
}
