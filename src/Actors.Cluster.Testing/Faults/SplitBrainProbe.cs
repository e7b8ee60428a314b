using System.Diagnostics;
using Actors.Cluster.Persistence;
using Actors.Cluster.Testing.Workloads;
using Actors.Lock;
using Actors.Owners;
using Actors.Protocol;
using Akka.Actor;
using Akka.Configuration;

namespace Actors.Cluster.Testing.Faults;

/// <summary>
/// Measures what each side of a fault sees, on a three-node cluster with a persisted lock living on node 0: (1) the
/// holder's node (2) is killed while a waiter on node 1 waits — the time to the waiter's grant; (2) on a fresh cluster, the
/// holder's node (2) is isolated while a waiter on node 1 (majority) and one on node 2 (minority) wait — the time to the
/// majority's grant, to the minority node's downing itself, and what the minority waiter got.
/// </summary>
public static class SplitBrainProbe
{
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(2);

    /// <summary>Runs both measurements with <paramref name="timings"/>.</summary>
    public static async Task<SplitBrainObservation> MeasureAsync(ClusterTimings timings, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var (crashToGrant, crashToken) = await MeasureCrashAsync(timings).ConfigureAwait(false);
        log?.Invoke($"crash: next grant after {crashToGrant.TotalSeconds:F1} s");
        var partition = await MeasurePartitionAsync(timings).ConfigureAwait(false);
        var observation = new SplitBrainObservation(timings.Name, crashToGrant, crashToken, partition.ToGrant, partition.ToMinorityDown,
            partition.MinorityWaiter, partition.MinorityWaiterAfter, partition.HolderToken, partition.GrantToken);
        log?.Invoke(observation.ToString());
        return observation;
    }

    private static async Task<(TimeSpan, long)> MeasureCrashAsync(ClusterTimings timings)
    {
        using var journal = new TemporaryJournal("actors-split-brain");
        await using var cluster = await StartAsync(timings, journal, "crash").ConfigureAwait(false);
        var entity = await LockOnNodeZeroAsync(cluster).ConfigureAwait(false);
        var holder = ActorOwner.Create(cluster.System(2));
        var waiter = ActorOwner.Create(cluster.System(1));
        await AcquireAsync(cluster, 2, entity, holder, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var waiting = AcquireAsync(cluster, 1, entity, waiter, LongWait);
        await AwaitWaitingAsync(cluster, entity).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        await cluster.KillAsync(2).ConfigureAwait(false);
        var granted = await waiting.ConfigureAwait(false);
        return (clock.Elapsed, granted is LockProtocol.Acquired acquired ? acquired.FencingToken : -1);
    }

    private static async Task<(TimeSpan ToGrant, TimeSpan ToMinorityDown, string MinorityWaiter, TimeSpan MinorityWaiterAfter, long HolderToken, long GrantToken)>
        MeasurePartitionAsync(ClusterTimings timings)
    {
        using var journal = new TemporaryJournal("actors-split-brain");
        await using var cluster = await StartAsync(timings, journal, "partition").ConfigureAwait(false);
        var entity = await LockOnNodeZeroAsync(cluster).ConfigureAwait(false);
        var holder = ActorOwner.Create(cluster.System(2));
        var minorityWaiter = ActorOwner.Create(cluster.System(2));
        var majorityWaiter = ActorOwner.Create(cluster.System(1));
        var held = await AcquireAsync(cluster, 2, entity, holder, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var majority = AcquireAsync(cluster, 1, entity, majorityWaiter, LongWait);
        await AwaitWaitingAsync(cluster, entity, 1).ConfigureAwait(false);
        var minority = AcquireAsync(cluster, 2, entity, minorityWaiter, LongWait);
        await AwaitWaitingAsync(cluster, entity, 2).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        await new Fault.Isolate(2).InjectAsync(cluster).ConfigureAwait(false);
        var minoritySystem = cluster.System(2);
        var minorityDown = WhenShuttingDownAsync(minoritySystem, clock);
        var minorityEnded = TimedAsync(minority, minoritySystem, clock);
        var granted = await majority.ConfigureAwait(false);
        var toGrant = clock.Elapsed;
        var (minorityReply, minorityAfter) = await minorityEnded.ConfigureAwait(false);
        return (toGrant, await minorityDown.ConfigureAwait(false), Describe(minorityReply), minorityAfter,
            held is LockProtocol.Acquired h ? h.FencingToken : -1, granted is LockProtocol.Acquired g ? g.FencingToken : -1);
    }

    private static async Task<InProcessCluster> StartAsync(ClusterTimings timings, TemporaryJournal journal, string name) =>
        await InProcessCluster.StartAsync(3, timings, ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF").WithFallback(journal.Config),
            new ClusterPrimitivesOptions { Persistence = new PersistenceOptions() }, name).ConfigureAwait(false);

    private static async Task<string> LockOnNodeZeroAsync(InProcessCluster cluster)
    {
        for (var i = 0; i < 200; i++)
        {
            var entity = PrimitiveEntityIds.Lock($"probe-{i}");
            if (await cluster.Primitives(0).LocateAsync(entity).ConfigureAwait(false) == cluster.AddressOf(0)) return entity;
        }

        throw new InvalidOperationException("No lock name of 200 lives on node 0.");
    }

    private static Task<object?> AcquireAsync(InProcessCluster cluster, int node, string entity, ActorOwner owner, TimeSpan timeout) =>
        AskAsync(cluster.Primitives(node).EntityRef(entity), new LockProtocol.Acquire(RequestIds.Next(), owner.Ref, timeout), timeout + TimeSpan.FromSeconds(10));

    private static async Task<object?> AskAsync(IActorRef entity, object request, TimeSpan backstop)
    {
        try
        {
            return await entity.Ask<object>(request, backstop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task AwaitWaitingAsync(InProcessCluster cluster, string entity, int waiting = 1)
    {
        var clock = Stopwatch.StartNew();
        while (await AskAsync(cluster.Primitives(0).EntityRef(entity), new LockProtocol.GetState(RequestIds.Next()), TimeSpan.FromSeconds(10)).ConfigureAwait(false)
               is not LockProtocol.LockState { } state || state.Waiting < waiting)
        {
            if (clock.Elapsed > cluster.Patience) throw new TimeoutException($"{waiting} waiters did not queue.");
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static async Task<TimeSpan> WhenShuttingDownAsync(ActorSystem system, Stopwatch clock)
    {
        while (CoordinatedShutdown.Get(system).ShutdownReason is null && !system.WhenTerminated.IsCompleted) await Task.Delay(20).ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>The request's reply and when it came, or null when its node terminated first (its caller's wait failed).</summary>
    private static async Task<(object? Reply, TimeSpan After)> TimedAsync(Task<object?> request, ActorSystem node, Stopwatch clock)
    {
        var first = await Task.WhenAny(request, node.WhenTerminated).ConfigureAwait(false);
        return (first == request ? await request.ConfigureAwait(false) : null, clock.Elapsed);
    }

    private static string Describe(object? reply) => reply switch
    {
        null => "failed: its node downed itself and shut down before any answer",
        LockProtocol.Acquired acquired => $"granted with token {acquired.FencingToken}",
        _ => reply.GetType().Name,
    };
}
