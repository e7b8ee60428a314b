using Actors.Threads;

namespace Actors.Tests.Threads;

/// <summary>What the tests of the facade <see cref="ActorThread"/> share.</summary>
public abstract class ThreadFacadeTestKit : ThreadTestKit
{
    /// <summary>The thread's state, asked of its coordinator.</summary>
    protected async Task<ThreadProtocol.ThreadState> StateOf(ActorThread thread) =>
        (ThreadProtocol.ThreadState)await thread.Coordinator!.Ask(new ThreadProtocol.GetState(RequestIds.Next()), Patience);
}
