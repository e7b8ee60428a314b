using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Faults;
using Actors.Cluster.Testing.History;
using Actors.Cluster.Testing.Models;
using Actors.Owners;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// Clients on every node of an <see cref="InProcessCluster"/> using one primitive and recording its history. Each
/// client runs sessions (<see cref="ClientSession"/>) one after another on whatever incarnation of its node is running;
/// when a session ends in doubt (an unknown outcome, or its node died), the client records that its owner is lost
/// (<see cref="LockModel.OwnerLost"/>, of unknown outcome: the primitive releases what the owner held, some time after the
/// fault that touched its node) and starts afresh with a new owner and process number.
/// </summary>
public abstract class Workload
{
    private readonly int _seed;

    /// <summary>Creates the workload.</summary>
    /// <param name="name">Its name in reports.</param>
    /// <param name="clientsPerNode">How many clients run on each node.</param>
    /// <param name="seed">Seeds the clients' random think and hold times.</param>
    protected Workload(string name, int clientsPerNode, int seed)
    {
        Name = name;
        ClientsPerNode = clientsPerNode;
        _seed = seed;
    }

    /// <summary>Its name in reports.</summary>
    public string Name { get; }

    /// <summary>How many clients run on each node.</summary>
    public int ClientsPerNode { get; }

    /// <summary>The recorded history.</summary>
    public HistoryRecorder History { get; } = new();

    /// <summary>The primitive's name (the history's key).</summary>
    public string Key { get; protected set; } = "";

    /// <summary>The primitive's entity id.</summary>
    protected abstract string EntityId { get; }

    /// <summary>Chooses the primitive's name before the clients start (for example one that lives on a given node).</summary>
    public virtual Task PlaceAsync(InProcessCluster cluster, string runName) => Task.CompletedTask;

    /// <summary>Runs the clients until <paramref name="stop"/>, then waits (bounded) for their last operations.</summary>
    public async Task RunAsync(InProcessCluster cluster, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var clients = Enumerable.Range(0, cluster.Count)
            .SelectMany(node => Enumerable.Range(0, ClientsPerNode).Select(i => RunClientAsync(cluster, node, node * 100 + i, stop)))
            .ToList();
        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    /// <summary>What to do once the clients have stopped and the cluster is whole (a queue drains itself).</summary>
    public virtual Task FinishAsync(InProcessCluster cluster) => Task.CompletedTask;

    /// <summary>Checks the recorded history.</summary>
    public abstract WorkloadReport Check();

    /// <summary>Whether the primitive releases what a lost owner held (a lock, a semaphore), so its loss is recorded.</summary>
    protected virtual bool ReleasesForLostOwners => true;

    /// <summary>Runs one session's operations; returns true if it ended cleanly (stopped, holding nothing, no doubt).</summary>
    protected abstract Task<bool> RunSessionAsync(ClientSession session, CancellationToken stop);

    /// <summary>
    /// The report of <paramref name="result"/> plus <paramref name="violations"/> found by other audits. An undecided
    /// check (the search ran out of time) is not a violation; the report's verdict shows it.
    /// </summary>
    protected WorkloadReport Report(LinearizabilityResult result, IEnumerable<string> violations, string notes)
    {
        var operations = History.Operations();
        var all = (result.Verdict == Verdict.NotLinearizable ? new[] { $"history of {Name} {result}" } : []).Concat(violations).ToList();
        return new WorkloadReport(Name, operations.Count, operations.Count(o => o.Outcome == OperationOutcome.Unknown), result, all, notes);
    }

    /// <summary>Waits a short random think time (bounded so that two shared cores are not flooded).</summary>
    protected static Task ThinkAsync(ClientSession session) => Task.Delay(5 + session.Random.Next(25));

    private async Task RunClientAsync(InProcessCluster cluster, int node, int client, CancellationToken stop)
    {
        var incarnation = 0;
        while (!stop.IsCancellationRequested)
        {
            var system = cluster.Running(node);
            if (system is null)
            {
                await Task.Delay(100).ConfigureAwait(false);
                continue;
            }

            ActorOwner owner;
            try
            {
                owner = ActorOwner.Create(system);
            }
            catch (Exception e) when (e is InvalidOperationException or Akka.Actor.InvalidActorNameException)
            {
                await Task.Delay(100).ConfigureAwait(false);
                continue;
            }

            var process = History.NextProcess();
            var started = History.Now();
            var session = new ClientSession(system, owner.Ref, process, node, ClusterPrimitives.Get(system).EntityRef(EntityId), History,
                new Random(HashCode.Combine(_seed, client, incarnation++)));
            var clean = await RunSessionAsync(session, stop).ConfigureAwait(false);
            if (!clean && ReleasesForLostOwners)
            {
                var invokedAt = system.WhenTerminated.IsCompleted ? Math.Max(started, cluster.DisturbedAt(node)) : History.Now();
                History.Invoke(process, Key, LockModel.OwnerLost, invokedAt: invokedAt).Unknown();
            }

            if (!system.WhenTerminated.IsCompleted) await owner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
