namespace Actors.Protocol;

/// <summary>Why a coordinator refused a request (see <see cref="CoordinatorProtocol.Rejected"/>).</summary>
public enum RejectionReason
{
    /// <summary>An argument is out of range: a negative timeout, a count below one, a missing owner. Facade: <see cref="ArgumentException"/>.</summary>
    InvalidArgument,

    /// <summary>The owner already has a waiting request with the same id. Facade: <see cref="InvalidOperationException"/>.</summary>
    DuplicateRequest,

    /// <summary>Releasing a lock that is not held (Python's <c>RuntimeError</c>). Facade: <see cref="System.Threading.SynchronizationLockException"/>.</summary>
    NotHeld,

    /// <summary>Releasing a re-entrant lock held by another owner (Python's <c>RuntimeError</c>). Facade: <see cref="System.Threading.SynchronizationLockException"/>.</summary>
    NotOwner,

    /// <summary>A release that would raise a bounded semaphore above its initial value (Python's <c>ValueError</c>). Facade: <see cref="System.Threading.SemaphoreFullException"/>.</summary>
    Full,

    /// <summary><c>task_done</c> was called more times than items were put (Python's <c>ValueError</c>). Facade: <see cref="InvalidOperationException"/>.</summary>
    TooManyTaskDone,

    /// <summary>The primitive does not offer this operation (task tracking on a simple queue). Facade: <see cref="NotSupportedException"/>.</summary>
    NotSupported,

    /// <summary>The owner of a waiting request terminated, so its wait was dropped. Facade: <see cref="InvalidOperationException"/>.</summary>
    OwnerTerminated,

    /// <summary>The coordinator was stopped while the request was waiting. Facade: <see cref="ObjectDisposedException"/>.</summary>
    CoordinatorStopped,

    /// <summary>
    /// The deadlock detector failed this wait to break a deadlock (<see cref="Diagnostics.DeadlockResolution.FailYoungestWaiter"/>).
    /// Facade: <see cref="Diagnostics.DeadlockException"/>.
    /// </summary>
    Deadlock,

    /// <summary>
    /// The primitive's stored state could not be read back (a corrupted or foreign journal entry, an unreachable store):
    /// it refuses every request rather than start empty. Facade: <see cref="InvalidOperationException"/>.
    /// </summary>
    Unrecoverable,
}
