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
    private readonly Akka.Actor.IActorRef? _coordinator;
    private Internal.HoldLostSignal? _signal;
    private Action? _release;

    /// <summary>A lease over the grant of <paramref name="fencingToken"/>, released by <paramref name="release"/>.</summary>
    /// <param name="fencingToken">The grant's token.</param>
    /// <param name="release">Gives the grant back.</param>
    /// <param name="coordinator">
    /// The coordinator to watch the hold with, or null for a lease that cannot be lost. A coordinator in this process is
    /// asked only when <see cref="HoldLost"/> is first read (it remembers the reason of a recent loss), so a lease nobody
    /// watches costs no message; any other is asked at once, so its node is guarded from the start.
    /// </param>
    internal Lease(long fencingToken, Action release, Akka.Actor.IActorRef? coordinator = null)
    {
        FencingToken = fencingToken;
        _release = release;
        _coordinator = coordinator;
        if (coordinator is not null && !Internal.HoldLostSignal.IsInProcess(coordinator)) _ = Signal();
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
    /// <para>For a primitive in this process the watch starts when this property is first read, so a lease whose token
    /// nobody reads costs nothing extra; a hold lost before that is reported with its reason as soon as the coordinator
    /// answers. After the lease is disposed it is a token that never fires; <see cref="CancellationToken.None"/> too for
    /// primitives that cannot report a loss (a coordinator reference of an unusual kind). Its callbacks run on the thread
    /// pool, never inside a coordinator.</para>
    /// </remarks>
    public CancellationToken HoldLost => Signal()?.Token ?? CancellationToken.None;

    /// <summary>
    /// Why <see cref="HoldLost"/> fired; null while it has not (or was never read). <see cref="Protocol.HoldLostReason.NotHeld"/>
    /// when the hold had already ended, by an unremembered cause, when it was first watched.
    /// </summary>
    public Protocol.HoldLostReason? LostReason => Volatile.Read(ref _signal)?.Reason;

    /// <summary>True once the lease has been disposed.</summary>
    public bool IsReleased => Volatile.Read(ref _release) is null;

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _release, null) is not { } release) return;
        Volatile.Read(ref _signal)?.Detach();
        release();
    }

    /// <summary>The watch of this hold, started on first use; null once released or for a lease that cannot be lost.</summary>
    private Internal.HoldLostSignal? Signal()
    {
        if (Volatile.Read(ref _signal) is { } signal) return signal;
        if (_coordinator is null || IsReleased || Internal.HoldLostSignal.For(_coordinator) is not { } fresh) return null;
        if (Interlocked.CompareExchange(ref _signal, fresh, null) is { } raced) return raced;
        fresh.Watch(_coordinator, FencingToken);
        // Disposed meanwhile: Dispose may not have seen the signal, so stop it here; a notice for the released hold is ignored.
        if (IsReleased) fresh.Detach();
        return fresh;
    }

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
