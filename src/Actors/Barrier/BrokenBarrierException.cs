namespace Actors.Barrier;

/// <summary>
/// Thrown by a barrier wait when the barrier is broken, or is aborted, reset or broken while the party waits.
/// Python's <c>threading.BrokenBarrierError</c>.
/// </summary>
/// <remarks>
/// As in Python, a wait whose own timeout passes throws this exception too: the timeout breaks the barrier for every
/// party, the timed-out one included. Unlike Python, a wait cancelled by its <see cref="CancellationToken"/> throws
/// <see cref="OperationCanceledException"/> and leaves the barrier intact.
/// </remarks>
public sealed class BrokenBarrierException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public BrokenBarrierException()
        : base("The barrier is broken.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public BrokenBarrierException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BrokenBarrierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
