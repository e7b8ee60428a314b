using Actors.Protocol;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// A workload whose clients contend for a grant (a lock, a permit): acquire with a timeout; when granted, hold briefly
/// and release; when refused by time-out, try again after a think time.
/// </summary>
public abstract class ContendingWorkload : Workload
{
    /// <summary>How long an acquire waits at the primitive.</summary>
    protected static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long a client waits for any reply before its request's outcome is unknown.</summary>
    protected static readonly TimeSpan Backstop = AcquireTimeout + TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected ContendingWorkload(string name, int clientsPerNode, int seed) : base(name, clientsPerNode, seed)
    {
    }

    /// <summary>
    /// How long every grant is held; null (the default) for brief random holds. A hold longer than a fail-over (the
    /// timings' downing time and more) outlives the crash of its primitive's node: a primitive that forgets its holders
    /// then grants to others while the first holder still holds, which the checker must see.
    /// </summary>
    public TimeSpan? HoldTime { get; init; }

    /// <summary>The function name of an acquire in the model.</summary>
    protected abstract string AcquireFunction { get; }

    /// <summary>The output an acquire that timed out records.</summary>
    protected abstract object? TimedOutOutput { get; }

    /// <summary>The acquire request for <paramref name="session"/>'s owner.</summary>
    protected abstract object AcquireRequest(ClientSession session);

    /// <summary>The output a grant records (a fencing token, or true).</summary>
    protected abstract object? GrantedOutput(object grant);

    /// <summary>Holds the grant briefly and releases it; false if the release's outcome is unknown.</summary>
    protected abstract Task<bool> HoldAndReleaseAsync(ClientSession session, object grant);

    /// <summary>Holds a grant for <see cref="HoldTime"/>, or for a random time below <paramref name="briefLimit"/> milliseconds.</summary>
    protected Task HoldAsync(ClientSession session, int briefLimit) =>
        Task.Delay(HoldTime ?? TimeSpan.FromMilliseconds(session.Random.Next(briefLimit)));

    /// <inheritdoc />
    protected override async Task<bool> RunSessionAsync(ClientSession session, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var acquire = History.Invoke(session.Process, Key, AcquireFunction);
            switch (await session.RequestAsync(AcquireRequest(session), Backstop).ConfigureAwait(false))
            {
                case ITimedOutReply:
                    acquire.Ok(TimedOutOutput);
                    break;
                case CoordinatorProtocol.Rejected:
                    acquire.Fail();
                    break;
                case IReply grant:
                    acquire.Ok(GrantedOutput(grant));
                    if (!await HoldAndReleaseAsync(session, grant).ConfigureAwait(false)) return false;
                    break;
                default:
                    acquire.Unknown();
                    return false;
            }

            await ThinkAsync(session).ConfigureAwait(false);
        }

        return true;
    }
}
