using Actors.Cluster.Testing.Checking;
using Actors.Cluster.Testing.Faults;
using Actors.Cluster.Testing.History;
using Actors.Cluster.Testing.Models;
using Actors.Hosting;
using Actors.Owners;
using Actors.Protocol;
using Actors.Queue;

namespace Actors.Cluster.Testing.Workloads;

/// <summary>
/// Clients put unique items into one FIFO cluster queue and get items from it; once the faults are over, the queue is
/// drained. Checked against <see cref="FifoQueueModel"/>, and audited: no item delivered twice to confirmed getters, no
/// acknowledged item missing beyond what getters of unknown outcome may have taken.
/// </summary>
/// <remarks>
/// Queues keep their items in memory on their node (no durable form yet), so the queue is placed on
/// <paramref name="hostNode"/>, which the fault schedule must spare, and the run must not rebalance shards.
/// </remarks>
/// <param name="runName">Makes the queue's name unique to the run.</param>
/// <param name="hostNode">The node slot the queue must live on.</param>
/// <param name="clientsPerNode">Clients on each node.</param>
/// <param name="seed">Seeds the clients' think times.</param>
public sealed class QueueWorkload(string runName, int hostNode, int clientsPerNode, int seed) : Workload("queue", clientsPerNode, seed)
{
    private static readonly TimeSpan GetTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PutTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(6);
    private int _drained;

    /// <inheritdoc />
    protected override bool ReleasesForLostOwners => false;

    /// <inheritdoc />
    protected override string EntityId => PrimitiveEntityIds.Queue(Key, QueueKind.Fifo, 0);

    /// <summary>Chooses the first name <c>{run}-queue-N</c> whose entity lives on the host node.</summary>
    public override async Task PlaceAsync(InProcessCluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        for (var i = 0; i < 200; i++)
        {
            Key = $"{runName}-queue-{i}";
            if (await cluster.Primitives(hostNode).LocateAsync(EntityId).ConfigureAwait(false) == cluster.AddressOf(hostNode)) return;
        }

        throw new InvalidOperationException($"No queue name of 200 lives on node {hostNode}.");
    }

    /// <summary>Gets every item left, recording the gets, until the queue answers empty.</summary>
    public override async Task FinishAsync(InProcessCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var system = cluster.Running(hostNode) ?? throw new InvalidOperationException("The queue's node is not running.");
        await using var owner = ActorOwner.Create(system);
        var session = new ClientSession(system, owner.Ref, History.NextProcess(), hostNode, ClusterPrimitives.Get(system).EntityRef(EntityId), History, new Random(0));
        while (await GetAsync(session).ConfigureAwait(false) == true) _drained++;
    }

    /// <inheritdoc />
    public override WorkloadReport Check()
    {
        var history = History.Operations();
        return Report(LinearizabilityChecker.Check(new FifoQueueModel(), FifoQueueModel.Prepare(history)), Audit(history),
            $"{_drained} items drained at the end");
    }

    /// <inheritdoc />
    protected override async Task<bool> RunSessionAsync(ClientSession session, CancellationToken stop)
    {
        var next = 0L;
        while (!stop.IsCancellationRequested)
        {
            var item = session.Process * 1_000_000L + next++;
            var put = History.Invoke(session.Process, Key, FifoQueueModel.Put, item);
            switch (await session.RequestAsync(new QueueProtocol.Put(RequestIds.Next(), session.Owner, item, PutTimeout), Backstop).ConfigureAwait(false))
            {
                case QueueProtocol.PutDone:
                    put.Ok();
                    break;
                case QueueProtocol.Full or QueueProtocol.QueueShutDown or CoordinatorProtocol.Rejected:
                    put.Fail();
                    break;
                default:
                    put.Unknown();
                    return false;
            }

            if (await GetAsync(session).ConfigureAwait(false) is null) return false;

            await ThinkAsync(session).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Gets one item and records it: true if one came, false if the queue was empty or refused, null if unknown.</summary>
    private async Task<bool?> GetAsync(ClientSession session)
    {
        var get = History.Invoke(session.Process, Key, FifoQueueModel.Get);
        switch (await session.RequestAsync(new QueueProtocol.Get(RequestIds.Next(), session.Owner, GetTimeout), Backstop).ConfigureAwait(false))
        {
            case QueueProtocol.Got got:
                // A durable queue keeps the item until its getter confirms receipt (as the facades do): unconfirmed,
                // it would go back to its place when this session's owner stops, and be delivered again.
                if (got.AwaitsConfirmation) session.Entity.Tell(new QueueProtocol.ConfirmDelivery(RequestIds.Next(), [got.Sequence]), Akka.Actor.ActorRefs.NoSender);
                get.Ok(Convert.ToInt64(got.Item, System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case QueueProtocol.Empty:
                get.Ok(null);
                return false;
            case QueueProtocol.QueueShutDown or CoordinatorProtocol.Rejected:
                get.Fail();
                return false;
            default:
                get.Unknown();
                return null;
        }
    }

    private static IEnumerable<string> Audit(IReadOnlyList<Operation> history)
    {
        var delivered = history.Where(o => o is { Function: FifoQueueModel.Get, Outcome: OperationOutcome.Ok, Output: long })
            .GroupBy(o => (long)o.Output!).ToList();
        foreach (var twice in delivered.Where(g => g.Count() > 1))
            yield return $"item {twice.Key} delivered to {twice.Count()} confirmed getters: {string.Join(", ", twice)}";
        var deliveredItems = delivered.Select(g => g.Key).ToHashSet();
        var missing = history.Where(o => o is { Function: FifoQueueModel.Put, Outcome: OperationOutcome.Ok } && !deliveredItems.Contains((long)o.Input!)).ToList();
        var unknownGets = history.Count(o => o is { Function: FifoQueueModel.Get, Outcome: OperationOutcome.Unknown });
        if (missing.Count > unknownGets)
            yield return $"{missing.Count} acknowledged items never delivered, but only {unknownGets} gets of unknown outcome could have taken them: "
                + string.Join(", ", missing.Take(10).Select(o => o.Input));
    }
}
