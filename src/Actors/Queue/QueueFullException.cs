namespace Actors.Queue;

/// <summary>A non-blocking put found the queue full, or a put's timeout passed with no room (Python's <c>queue.Full</c>).</summary>
public sealed class QueueFullException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public QueueFullException() : base("The queue is full.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public QueueFullException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public QueueFullException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
