using Medallion.Threading.Postgres;
using Npgsql;

namespace Actors.Host.Distributed;

/// <summary>
/// DistributedLock.Postgres over one PostgreSQL server: <see cref="PostgresDistributedLock"/> (a session advisory lock
/// held on a pooled connection) with the package's defaults. DistributedLock.Postgres has no semaphore and no queue, so
/// the natural equivalents are used: a semaphore of n permits is n advisory locks (slots) — a caller tries every slot
/// without waiting, from a random one, and if all are taken waits on a random slot — and the work queue is a table taken
/// from with <c>DELETE … WHERE id = (SELECT id … ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING item</c>,
/// polled every millisecond while empty.
/// </summary>
/// <remarks>
/// Every name starts with a prefix of the run, and the queue's table lives in a schema of its own (dropped when the
/// way is disposed), so runs and tests do not see each other's locks and rows.
/// </remarks>
internal sealed class PostgresWay : IDistributedWay
{
    /// <summary>The report's column.</summary>
    public const string Column = "postgres";

    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _prefix;
    private readonly string _table;
    private readonly string _schema;

    private PostgresWay(string connectionString, NpgsqlDataSource dataSource, string prefix, string schema)
    {
        (_connectionString, _dataSource, _prefix, _schema) = (connectionString, dataSource, prefix, schema);
        _table = $"{schema}.work_queue";
    }

    /// <inheritdoc />
    public string Name => Column;

    /// <summary>What DistributedLock.Postgres promises.</summary>
    public static WayGuarantees Promises { get; } = new(
        Fifo: "yes for a lock: PostgreSQL's lock manager queues waiters; the slot semaphore is not (a waiter waits on one slot)",
        FencingTokens: "no",
        OwnerDeathRelease: "yes: the session's locks go with its connection (a dead host: when TCP notices)",
        HoldLostSignal: "yes: HandleLostToken fires when the connection is lost (monitored by keep-alive queries)",
        Queue: "a table: INSERT; DELETE … FOR UPDATE SKIP LOCKED … RETURNING, polled every 1 ms while empty");

    /// <inheritdoc />
    public WayGuarantees Guarantees => Promises;

    /// <summary>Connects to PostgreSQL with <paramref name="connectionString"/> and makes the queue's table in a schema named after <paramref name="prefix"/>.</summary>
    public static async Task<PostgresWay> ConnectAsync(string connectionString, string prefix, CancellationToken cancellation)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var schema = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).TrimEnd('_');
        try
        {
            await using var create = dataSource.CreateCommand(
                $"CREATE SCHEMA IF NOT EXISTS {schema}; " +
                $"CREATE TABLE IF NOT EXISTS {schema}.work_queue (id bigserial PRIMARY KEY, queue text NOT NULL, item bigint NOT NULL)");
            await create.ExecuteNonQueryAsync(cancellation);
            return new PostgresWay(connectionString, dataSource, prefix, schema);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IDistributedHold> LockAsync(string name, int caller, CancellationToken cancellation) =>
        new Hold(await Lock(_prefix + name).AcquireAsync(cancellationToken: cancellation));

    /// <inheritdoc />
    public async Task<IDistributedHold> EnterSemaphoreAsync(string name, int permits, int caller, CancellationToken cancellation)
    {
        var first = Random.Shared.Next(permits);
        for (var i = 0; i < permits; i++)
        {
            if (await Slot(name, (first + i) % permits).TryAcquireAsync(TimeSpan.Zero, cancellation) is { } handle)
                return new Hold(handle);
        }
        return new Hold(await Slot(name, first).AcquireAsync(cancellationToken: cancellation));
    }

    /// <inheritdoc />
    public IDistributedQueue Queue(string name, int caller) => new TableQueue(this, _prefix + name);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var drop = _dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            await _dataSource.DisposeAsync();
        }
    }

    private PostgresDistributedLock Lock(string key) => new(new PostgresAdvisoryLockKey(key, allowHashing: true), _connectionString);

    private PostgresDistributedLock Slot(string name, int slot) => Lock($"{_prefix}{name}#{slot}");

    private sealed class Hold(IAsyncDisposable handle) : IDistributedHold
    {
        public long? FencingToken => null;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }

    private sealed class TableQueue(PostgresWay way, string queue) : IDistributedQueue
    {
        public async Task PutAsync(long item, CancellationToken cancellation)
        {
            await using var insert = way._dataSource.CreateCommand($"INSERT INTO {way._table} (queue, item) VALUES ($1, $2)");
            insert.Parameters.Add(new NpgsqlParameter { Value = queue });
            insert.Parameters.Add(new NpgsqlParameter { Value = item });
            await insert.ExecuteNonQueryAsync(cancellation);
        }

        public async Task<long> TakeAsync(CancellationToken cancellation)
        {
            while (true)
            {
                await using (var take = way._dataSource.CreateCommand(
                                 $"DELETE FROM {way._table} WHERE id = (SELECT id FROM {way._table} WHERE queue = $1 ORDER BY id " +
                                 "FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING item"))
                {
                    take.Parameters.Add(new NpgsqlParameter { Value = queue });
                    if (await take.ExecuteScalarAsync(cancellation) is long item) return item;
                }
                await Task.Delay(1, cancellation);
            }
        }
    }
}
