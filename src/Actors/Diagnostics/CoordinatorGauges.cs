namespace Actors.Diagnostics;

/// <summary>
/// The current values one coordinator publishes for the observable instruments of <see cref="PrimitiveInstruments"/>:
/// its holders, waiters, queued items and active executor jobs. Only the coordinator writes them (after each message it
/// handles); a meter listener's collection reads them on its own thread.
/// </summary>
/// <remarks>
/// Each value is one aligned <see cref="long"/>, written with <c>Volatile.Write</c> and read with
/// <c>Volatile.Read</c>: a reader sees a whole value the coordinator wrote, never a torn one, and no
/// lock is taken on either side. The values of one coordinator may be read from slightly different moments; each is
/// exact for its own moment, which is all a gauge promises. <see cref="NotPublished"/> marks a value the primitive does
/// not have (a lock has no queue length), so no measurement is reported for it.
/// </remarks>
internal sealed class CoordinatorGauges
{
    /// <summary>The value of a gauge the primitive does not have.</summary>
    public const long NotPublished = -1;

    private long _holders = NotPublished;
    private long _waiters = NotPublished;
    private long _queueLength = NotPublished;
    private long _activeJobs = NotPublished;

    /// <param name="name">The coordinator's actor name.</param>
    /// <param name="kind">The primitive's kind.</param>
    public CoordinatorGauges(string name, string kind)
    {
        Tags =
        [
            new(PrimitiveMetrics.NameTag, name),
            new(PrimitiveMetrics.KindTag, kind),
        ];
    }

    /// <summary>The tags of every measurement of this coordinator.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>Owners holding the primitive now (a lock's holder, a semaphore's permits out).</summary>
    public long Holders
    {
        get => Volatile.Read(ref _holders);
        set => Volatile.Write(ref _holders, value);
    }

    /// <summary>Requests waiting now in all of the coordinator's queues.</summary>
    public long Waiters
    {
        get => Volatile.Read(ref _waiters);
        set => Volatile.Write(ref _waiters, value);
    }

    /// <summary>Items in a queue now.</summary>
    public long QueueLength
    {
        get => Volatile.Read(ref _queueLength);
        set => Volatile.Write(ref _queueLength, value);
    }

    /// <summary>Executor jobs accepted and not yet finished (queued or running).</summary>
    public long ActiveJobs
    {
        get => Volatile.Read(ref _activeJobs);
        set => Volatile.Write(ref _activeJobs, value);
    }
}
