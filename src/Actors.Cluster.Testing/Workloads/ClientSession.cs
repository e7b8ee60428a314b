using Actors.Cluster.Testing.History;
using Akka.Actor;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// One client's life on one node incarnation: an owner actor on that node and the entity it talks to. It ends after
/// the first operation of unknown outcome (the client may hold something it does not know of: its owner is then
/// stopped, which releases it), when its node dies, or when the workload stops.
/// </summary>
public sealed class ClientSession
{
    internal ClientSession(ActorSystem system, IActorRef owner, int process, int node, IActorRef entity, HistoryRecorder history, Random random)
    {
        System = system;
        Owner = owner;
        Process = process;
        Node = node;
        Entity = entity;
        History = history;
        Random = random;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The owner the client's requests are made for.</summary>
    public IActorRef Owner { get; }

    /// <summary>The client's process number in the history.</summary>
    public int Process { get; }

    /// <summary>The node slot the client runs on.</summary>
    public int Node { get; }

    /// <summary>The primitive's entity.</summary>
    public IActorRef Entity { get; }

    /// <summary>Where the client records its operations.</summary>
    public HistoryRecorder History { get; }

    /// <summary>The client's own random source (think times, hold times).</summary>
    public Random Random { get; }

    /// <summary>
    /// Asks the entity and returns its reply, or null when none came within <paramref name="backstop"/> or the node
    /// died first: the request's outcome is then unknown.
    /// </summary>
    public async Task<object?> RequestAsync(object request, TimeSpan backstop)
    {
        var reply = ReplyOrNullAsync(Entity, request, backstop);
        var first = await Task.WhenAny(reply, System.WhenTerminated).ConfigureAwait(false);
        return first == reply ? await reply.ConfigureAwait(false) : null;
    }

    private static async Task<object?> ReplyOrNullAsync(IActorRef entity, object request, TimeSpan backstop)
    {
        try
        {
            return await entity.Ask<object>(request, backstop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or InvalidOperationException)
        {
            return null;
        }
    }
}
