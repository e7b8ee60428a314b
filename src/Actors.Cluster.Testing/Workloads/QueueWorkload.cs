using System.Diagnostics;
using System.Globalization;
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
/// Clients put unique items into one durable FIFO cluster queue and get items from it, confirming each delivery; once
/// the faults are over and every unconfirmed delivery is back, the queue is drained. Checked against
/// <see cref="AtLeastOnceFifoQueueModel"/>, and audited (<see cref="QueueAudit"/>): no item confirmed to two getters, no
/// acknowledged item lost.
/// </summary>
/// <remarks>
/// A get is <see cref="OperationOutcome.Ok"/> only once the queue acknowledged its <see cref="QueueProtocol.ConfirmDelivery"/>
/// with the delivery confirmed (<see cref="QueueProtocol.DeliveryConfirmed.Confirmed"/> = 1): a "confirmed getter".
/// A get that received its item but whose confirmation went unanswered, or came too late (the item had gone back), is
/// of unknown outcome and records the item it received; a get that received nothing is of unknown outcome without one.
/// The queue is placed on <paramref name="hostNode"/> (a fault run picks the node its schedule kills first), and the run
/// must not rebalance shards, which would move it before that kill.
/// </remarks>
/// <param name="runName">Makes the queue's name unique to the run.</param>
/// <param name="hostNode">The node slot the queue starts on.</param>
/// <param name="clientsPerNode">Clients on each node.</param>
/// <param name="seed">Seeds the clients' think times.</param>
public sealed class QueueWorkload(string runName, int hostNode, int clientsPerNode, int seed) : Workload("queue", clientsPerNode, seed)
{
    private static readonly TimeSpan GetTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PutTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(6);
    private int _drained;
    private int _lateConfirmations;
    private int _unconfirmedAtEnd;

    /// <summary>The node slot the queue was placed on.</summary>
    public int HostNode => hostNode;

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

    /// <summary>
    /// Drains the queue from node 0, recording the gets: gets until the queue answers empty, then waits (at most the
    /// cluster's patience) for the deliveries still unconfirmed to come back (their getters' owners are stopped or
    /// dead, or their confirmation time passes) and drains again, until the queue is empty with none unconfirmed.
    /// </summary>
    public override async Task FinishAsync(InProcessCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var system = cluster.Running(0) ?? throw new InvalidOperationException("Node 0 is not running.");
        var entity = ClusterPrimitives.Get(system).EntityRef(EntityId);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var owner = ActorOwner.Create(system))
            {
                var session = new ClientSession(system, owner.Ref, History.NextProcess(), 0, entity, History, new Random(0));
                bool? got;
                while ((got = await GetAsync(session).ConfigureAwait(false)) == true) _drained++;
                // After a get of unknown outcome the session's owner must stop (releasing what it may hold): a new round.
                if (got == false
                    && await session.RequestAsync(new QueueProtocol.GetState(RequestIds.Next()), Backstop).ConfigureAwait(false) is QueueProtocol.QueueState state)
                {
                    _unconfirmedAtEnd = state.AwaitingConfirmation;
                    if (state is { Count: 0, AwaitingConfirmation: 0 }) return;
                }
            }

            if (clock.Elapsed > cluster.Patience) return;
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the history against <see cref="AtLeastOnceFifoQueueModel"/> and audits it (<see cref="QueueAudit"/>).</summary>
    public override WorkloadReport Check()
    {
        var history = History.Operations();
        return Report(LinearizabilityChecker.Check(new AtLeastOnceFifoQueueModel(), AtLeastOnceFifoQueueModel.Prepare(history)), QueueAudit.Violations(history),
            $"{_drained} items drained at the end, {_lateConfirmations} confirmations too late (item redelivered)"
            + (_unconfirmedAtEnd == 0 ? "" : $", {_unconfirmedAtEnd} deliveries still unconfirmed when the drain gave up"));
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

    /// <summary>
    /// Gets one item, confirms its delivery and records the get: true if an item came and its delivery is confirmed,
    /// false if the queue was empty or refused, null if unknown (the session must end, its owner stopped, so that an
    /// unconfirmed delivery goes back).
    /// </summary>
    private async Task<bool?> GetAsync(ClientSession session)
    {
        var get = History.Invoke(session.Process, Key, FifoQueueModel.Get);
        switch (await session.RequestAsync(new QueueProtocol.Get(RequestIds.Next(), session.Owner, GetTimeout), Backstop).ConfigureAwait(false))
        {
            case QueueProtocol.Got got:
                var item = new SequencedItem(Convert.ToInt64(got.Item, CultureInfo.InvariantCulture), got.Sequence);
                if (!got.AwaitsConfirmation || await ConfirmAsync(session, got.Sequence).ConfigureAwait(false))
                {
                    get.Ok(item);
                    return true;
                }

                get.Unknown(item);
                return null;
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

    /// <summary>Confirms the delivery of <paramref name="sequence"/>: true if the queue acknowledged it in time.</summary>
    private async Task<bool> ConfirmAsync(ClientSession session, long sequence)
    {
        var reply = await session.RequestAsync(new QueueProtocol.ConfirmDelivery(RequestIds.Next(), [sequence]), Backstop).ConfigureAwait(false);
        if (reply is QueueProtocol.DeliveryConfirmed { Confirmed: 0 }) Interlocked.Increment(ref _lateConfirmations);
        return reply is QueueProtocol.DeliveryConfirmed { Confirmed: 1 };
    }
}
