namespace Actors.Queue;

/// <summary>The queue was shut down: puts fail, and gets fail once no item is left for them (Python 3.13's <c>queue.ShutDown</c>).</summary>
public sealed class QueueShutDownException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public QueueShutDownException() : base("The queue is shut down.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public QueueShutDownException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public QueueShutDownException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
