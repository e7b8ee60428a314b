namespace Actors.Threads;

/// <summary>
/// What <see cref="ThreadRegistry.ExceptHook"/> receives when an exception escapes a thread's body (Python's
/// <c>threading.ExceptHookArgs</c>). The default hook also publishes it on the actor system's event stream.
/// </summary>
/// <remarks>Python passes the exception's type, value and traceback separately; a .NET exception carries all three.</remarks>
/// <param name="Exception">The exception that escaped the body.</param>
/// <param name="Thread">The thread whose body threw.</param>
public sealed record ThreadExceptHookArgs(Exception Exception, ActorThread Thread);
