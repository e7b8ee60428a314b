using Actors.Protocol;

namespace Actors.Internal;

/// <summary>Turns a coordinator's <see cref="CoordinatorProtocol.Rejected"/> reply into the exception a .NET caller expects.</summary>
internal static class Rejections
{
    public static Exception ToException(this CoordinatorProtocol.Rejected rejected) => rejected.Reason switch
    {
        RejectionReason.InvalidArgument => new ArgumentException(rejected.Message),
        RejectionReason.NotHeld or RejectionReason.NotOwner => new SynchronizationLockException(rejected.Message),
        RejectionReason.Full => new SemaphoreFullException(rejected.Message),
        RejectionReason.CoordinatorStopped => new ObjectDisposedException("coordinator", rejected.Message),
        RejectionReason.NotSupported => new NotSupportedException(rejected.Message),
        RejectionReason.Deadlock => new Diagnostics.DeadlockException(rejected.Message),
        _ => new InvalidOperationException(rejected.Message),
    };

    /// <summary>The exception for a reply that no request of this kind should receive.</summary>
    public static Exception Unexpected(object reply) =>
        new InvalidOperationException($"The coordinator answered with an unexpected message: {reply}");
}
