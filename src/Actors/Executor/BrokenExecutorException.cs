namespace Actors.Executor;

/// <summary>
/// The executor is broken: a worker's initializer failed, so no job will run (Python's <c>BrokenThreadPool</c>).
/// Every pending future and every later submit fails with this exception.
/// </summary>
public sealed class BrokenExecutorException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public BrokenExecutorException() : base("The executor is broken: a worker's initializer failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public BrokenExecutorException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the initializer's exception.</summary>
    public BrokenExecutorException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
