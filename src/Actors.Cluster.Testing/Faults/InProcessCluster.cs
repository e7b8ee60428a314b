using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Remote;
using Akka.Remote.Transport;

namespace Actors.Cluster.Testing.Faults;

/// <summary>
/// A cluster of nodes (ActorSystems on 127.0.0.1) inside one process, running the cluster primitives, whose nodes can be
/// cut from each other (Akka.Remote's throttler, the mechanism of Akka's multi-node test conductor), killed without
/// leaving, and restarted as new incarnations. Each node is a slot: a restart puts a new ActorSystem (new port) in the
/// slot of a terminated one, and it joins the running nodes. Disposing terminates every node.
/// </summary>
/// <remarks>
/// The nodes run with the throttler adapter, so every address reads <c>akka.trttl.tcp://</c>. Only one caller (the
/// <see cref="Nemesis"/>) should inject faults at a time; reading <see cref="Running"/> is safe from any thread.
/// </remarks>
public sealed class InProcessCluster : IAsyncDisposable
{
    private readonly ActorSystem[] _nodes;
    private readonly long[] _disturbedAt;
    private readonly ConcurrentDictionary<(Address, Address), bool> _cuts = new();
    private readonly Config _config;
    private readonly ClusterPrimitivesOptions? _options;
    private readonly string _name;

    private InProcessCluster(string name, Config config, ClusterPrimitivesOptions? options, int count)
    {
        _name = name;
        _config = config;
        _options = options;
        _nodes = new ActorSystem[count];
        _disturbedAt = new long[count];
    }

    /// <summary>How many node slots.</summary>
    public int Count => _nodes.Length;

    /// <summary>How long <see cref="AwaitStableAsync"/> waits at most.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts <paramref name="count"/> nodes with <see cref="ClusterNodeConfig.For"/> of <paramref name="timings"/> under
    /// <paramref name="config"/> (a journal, for example), and returns once every node sees every node up.
    /// </summary>
    public static async Task<InProcessCluster> StartAsync(int count, ClusterTimings timings, Config? config = null,
        ClusterPrimitivesOptions? options = null, string name = "faults")
    {
        var nodeConfig = ClusterNodeConfig.For(timings, throttled: true);
        var cluster = new InProcessCluster(name, config is null ? nodeConfig : config.WithFallback(nodeConfig), options, count);
        try
        {
            for (var node = 0; node < count; node++) cluster._nodes[node] = cluster.NewNode();
            var seed = Akka.Cluster.Cluster.Get(cluster._nodes[0]).SelfAddress;
            foreach (var system in cluster._nodes) Akka.Cluster.Cluster.Get(system).Join(seed);
            await cluster.AwaitStableAsync().ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The running system in slot <paramref name="node"/>, or null if it is terminated (or terminating).</summary>
    public ActorSystem? Running(int node) => _nodes[node] is { WhenTerminated.IsCompleted: false } system && !IsShuttingDown(system) ? system : null;

    /// <summary>The system in slot <paramref name="node"/> (running or not).</summary>
    public ActorSystem System(int node) => _nodes[node];

    /// <summary>The address of the node in slot <paramref name="node"/> now.</summary>
    public Address AddressOf(int node) => Akka.Cluster.Cluster.Get(_nodes[node]).SelfAddress;

    /// <summary>The cluster primitives of the node in slot <paramref name="node"/>.</summary>
    public ClusterPrimitives Primitives(int node) => ClusterPrimitives.Get(_nodes[node]);

    /// <summary>When (monotonic ticks) a fault last touched slot <paramref name="node"/>: a cut of one of its links or its kill.</summary>
    public long DisturbedAt(int node) => Volatile.Read(ref _disturbedAt[node]);

    /// <summary>
    /// Crashes node <paramref name="node"/>: cuts all its links first, then terminates it without leaving, so the others
    /// see only silence — not the goodbyes (remote DeathWatch notifications, disassociation) that a clean termination
    /// would still send.
    /// </summary>
    public async Task KillAsync(int node)
    {
        foreach (var other in Enumerable.Range(0, Count).Where(n => n != node && Running(n) is not null))
            await PartitionAsync(node, other).ConfigureAwait(false);
        Disturb(node);
        await _nodes[node].Terminate().ConfigureAwait(false);
    }

    /// <summary>Cuts every message between nodes <paramref name="a"/> and <paramref name="b"/>, both ways (a blackhole on both sides).</summary>
    public async Task PartitionAsync(int a, int b)
    {
        Disturb(a);
        Disturb(b);
        var (first, second) = (AddressOf(a), AddressOf(b));
        _cuts[(first, second)] = true;
        await Task.WhenAll(Throttle(a, second, Blackhole.Instance), Throttle(b, first, Blackhole.Instance)).ConfigureAwait(false);
    }

    /// <summary>Restores every cut link whose two ends still run.</summary>
    public async Task HealAsync()
    {
        foreach (var (first, second) in _cuts.Keys.ToList())
        {
            _cuts.TryRemove((first, second), out _);
            var a = SlotOf(first);
            var b = SlotOf(second);
            if (a is { } left && b is { } right)
                await Task.WhenAll(Throttle(left, second, Unthrottled.Instance), Throttle(right, first, Unthrottled.Instance)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Brings the cluster back to every slot running and every node seeing every node up: waits for downed nodes to
    /// terminate and crashed ones to be removed, and restarts each terminated slot as a new node that joins the others.
    /// </summary>
    /// <exception cref="TimeoutException">Not whole within <see cref="Patience"/>.</exception>
    public async Task RecoverAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await AwaitStableAsync().ConfigureAwait(false);
            var dead = Enumerable.Range(0, Count).Where(node => _nodes[node].WhenTerminated.IsCompleted).ToList();
            if (dead.Count == 0) return;
            if (deadline.Elapsed > Patience) throw new TimeoutException($"Cluster {_name} did not recover within {Patience}.");
            foreach (var node in dead) Restart(node);
        }
    }

    /// <summary>
    /// Waits until the running nodes agree: each sees exactly the running nodes as members, all up, none unreachable.
    /// Nodes shutting down (downed) are waited for until they have terminated.
    /// </summary>
    /// <exception cref="TimeoutException">They did not agree within <see cref="Patience"/>.</exception>
    public async Task AwaitStableAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (!IsStable(out var seen))
        {
            if (deadline.Elapsed > Patience) throw new TimeoutException($"Cluster {_name} not stable within {Patience}: {seen}");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Terminates every node that still runs.</summary>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(_nodes.Where(n => n is not null && !n.WhenTerminated.IsCompleted).Select(n => n.Terminate())).ConfigureAwait(false);

    private bool IsStable(out string seen)
    {
        var systems = _nodes.Where(n => !n.WhenTerminated.IsCompleted).ToList();
        var addresses = systems.Select(s => Akka.Cluster.Cluster.Get(s).SelfAddress).ToHashSet();
        seen = "";
        foreach (var system in systems)
        {
            var state = Akka.Cluster.Cluster.Get(system).State;
            var up = state.Members.Where(m => m.Status == MemberStatus.Up).Select(m => m.Address).ToHashSet();
            if (!up.SetEquals(addresses) || state.Members.Count != addresses.Count || state.Unreachable.Count > 0)
            {
                seen = $"{Akka.Cluster.Cluster.Get(system).SelfAddress} sees {string.Join(", ", state.Members.Select(m => $"{m.Address.Port}:{m.Status}"))}"
                    + $", unreachable {string.Join(", ", state.Unreachable.Select(m => m.Address.Port))}; running {string.Join(", ", addresses.Select(a => a.Port))}";
                return false;
            }
        }

        return systems.Count > 0;
    }

    private void Restart(int node)
    {
        var system = NewNode();
        var contact = _nodes.FirstOrDefault(n => !n.WhenTerminated.IsCompleted);
        _nodes[node] = system;
        Akka.Cluster.Cluster.Get(system).Join(contact is null ? Akka.Cluster.Cluster.Get(system).SelfAddress : Akka.Cluster.Cluster.Get(contact).SelfAddress);
    }

    private ActorSystem NewNode()
    {
        var system = ActorSystem.Create(_name, _config);
        ClusterPrimitives.Start(system, _options);
        return system;
    }

    private int? SlotOf(Address address)
    {
        for (var node = 0; node < Count; node++)
            if (!_nodes[node].WhenTerminated.IsCompleted && AddressOf(node) == address) return node;
        return null;
    }

    private void Disturb(int node) => Volatile.Write(ref _disturbedAt[node], Stopwatch.GetTimestamp());

    private static bool IsShuttingDown(ActorSystem system) => CoordinatedShutdown.Get(system).ShutdownReason is not null;

    /// <summary>Sets the throttle of one side of a link; a node shutting down (downed meanwhile) is left as it is.</summary>
    private async Task Throttle(int node, Address remote, ThrottleMode mode)
    {
        var system = _nodes[node];
        try
        {
            await ((IRemoteActorRefProvider)((ExtendedActorSystem)system).Provider).Transport
                .ManagementCommand(new SetThrottle(remote, ThrottleTransportAdapter.Direction.Both, mode)).ConfigureAwait(false);
        }
        catch (Exception) when (Running(node) is null)
        {
            // Its remoting has stopped: there is no link left to set.
        }
    }
}
