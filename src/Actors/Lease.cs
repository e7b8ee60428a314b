namespace Actors;

/// <summary>
/// A held lock or permit, returned by the facades' scoped acquires (<c>LockAsync</c>, <c>EnterAsync</c>).
/// Disposing it releases what it holds, once, however many times it is disposed:
/// <code>await using (await myLock.LockAsync(ct)) { ... }</code>
/// </summary>
/// <remarks>
/// This is Python's <c>with lock:</c>. The release is sent to the coordinator without waiting for its
/// acknowledgement, so disposal never blocks and never throws; the coordinator handles messages in order,
/// so anything this caller sends afterwards is seen after the release.
/// </remarks>
public sealed class Lease : IAsyncDisposable, IDisposable
{
    private Action? _release;

    internal Lease(long fencingToken, Action release)
    {
        FencingToken = fencingToken;
        _release = release;
    }

    /// <summary>
    /// The grant's fencing token: it increases with every grant of the primitive, so a resource that remembers
    /// the highest token it has seen can refuse a stale holder. Zero for primitives that do not issue tokens.
    /// </summary>
    public long FencingToken { get; }

    /// <summary>True once the lease has been disposed.</summary>
    public bool IsReleased => Volatile.Read(ref _release) is null;

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();

    /// <summary>Releases what the lease holds, the first time it is called.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
