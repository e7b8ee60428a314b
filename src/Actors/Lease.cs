namespace Actors;

/// <summary>
/// A held lock or permit, returned by the facades' scoped acquires (<c>LockAsync</c>, <c>EnterAsync</c>).
/// Disposing it releases what it holds, once, however many times it is disposed:
/// <code>await using (await myLock.LockAsync(ct)) { ... }</code>
/// </summary>
/// <remarks>
/// <para>This is Python's <c>with lock:</c>. The release is sent to the coordinator without waiting for its
/// acknowledgement, so disposal never blocks and never throws; the coordinator handles messages in order,
/// so anything this caller sends afterwards is seen after the release.</para>
/// <para>Unlike Python's, a hold here can be taken away: see <see cref="HoldLost"/>.</para>
/// </remarks>
public sealed class Lease : IAsyncDisposable, IDisposable
{
    private readonly Internal.HoldLostSignal? _signal;
    private Action? _release;

    internal Lease(long fencingToken, Action release, Internal.HoldLostSignal? signal = null)
    {
        FencingToken = fencingToken;
        _release = release;
        _signal = signal;
    }

    /// <summary>
    /// The grant's fencing token: it increases with every grant of the primitive, so a resource that remembers
    /// the highest token it has seen can refuse a stale holder. Zero for primitives that do not issue tokens.
    /// </summary>
    public long FencingToken { get; }

    /// <summary>
    /// Fires when this hold can no longer be trusted, although the lease was not disposed: stop working on what it
    /// guards, and dispose the lease. Passing it to the guarded work cancels that work.
    /// </summary>
    /// <remarks>
    /// <para>It fires when the coordinator released the hold itself — its owner terminated (an
    /// <see cref="Owners.ActorOwner"/> disposed, an actor stopped, across a cluster the owner's node downed), an
    /// administrator revoked it (<c>ForceReleaseAsync</c>), or it outlasted the primitive's maximum hold time
    /// (<c>SetMaxHoldTimeAsync</c>) — and, across a cluster (<c>Actors.Cluster</c>), when this node loses contact with the
    /// primitive's node (the failure detector marks it unreachable, or it leaves or is removed) or this node itself is
    /// leaving or being downed: the majority may then down this node and grant the hold to another owner without this
    /// holder hearing of it. <see cref="LostReason"/> says which.</para>
    /// <para>It never fires for a release by this or any other lease, nor, in one process, for any network reason. It
    /// may fire a little after the coordinator has already granted the hold to the next owner (the notice is a message),
    /// and across a cluster it may fire for a hold that was not, in the end, taken away (a partition that heals): a
    /// fired token means "no longer sure", never "still held". So a holder must not rely on it alone — the guarded
    /// resource should check <see cref="FencingToken"/> and refuse tokens lower than the highest it has seen.</para>
    /// <para><see cref="CancellationToken.None"/> for primitives that cannot report it (a coordinator reference of an
    /// unusual kind). Its callbacks run on the thread pool, never inside a coordinator.</para>
    /// </remarks>
    public CancellationToken HoldLost => _signal?.Token ?? CancellationToken.None;

    /// <summary>Why <see cref="HoldLost"/> fired; null while it has not.</summary>
    public Protocol.HoldLostReason? LostReason => _signal?.Reason;

    /// <summary>True once the lease has been disposed.</summary>
    public bool IsReleased => Volatile.Read(ref _release) is null;

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _release, null) is not { } release) return;
        _signal?.Detach();
        release();
    }

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
