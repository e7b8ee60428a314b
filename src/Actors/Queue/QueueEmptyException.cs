namespace Actors.Queue;

/// <summary>A non-blocking get found the queue empty, or a get's timeout passed with no item (Python's <c>queue.Empty</c>).</summary>
public sealed class QueueEmptyException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public QueueEmptyException() : base("The queue is empty.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public QueueEmptyException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public QueueEmptyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
