namespace Actors.Diagnostics;

/// <summary>
/// Thrown by a facade's acquire when the deadlock detector chose this wait to break a deadlock
/// (<see cref="DeadlockResolution.FailYoungestWaiter"/>). The acquire did not succeed: nothing was granted.
/// </summary>
/// <remarks>
/// Python has no such error: a deadlocked <c>acquire()</c> in Python hangs for ever. Here the owner learns of it and can
/// back off (release what it holds, retry in a global lock order). The whole cycle is in the message and on the actor
/// system's event stream as a <see cref="DeadlockDetected"/>.
/// </remarks>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeadlockException() : base("The wait was failed to break a deadlock.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, which describes the cycle.</summary>
    public DeadlockException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public DeadlockException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
