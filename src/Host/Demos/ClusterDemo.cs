using System.Diagnostics;
using Actors.Cluster;
using Actors.Lock;
using Actors.Owners;

namespace Actors.Host.Demos;

/// <summary>
/// The bank transfers of scenario 12 across a cluster: three nodes on 127.0.0.1 in this process, six accounts whose
/// locks are entities spread over the nodes by Cluster.Sharding, a transfer worker on each node locking both accounts
/// of a transfer in name order. It prints where each lock lives and the fencing token of every grant, checked by a
/// <see cref="FencingTokenGuard"/> per account. Then the node hosting one lock crashes (terminated without leaving)
/// while an owner on node 2 holds the lock and an owner on node 1 waits: once the node is downed, the lock comes back
/// on a surviving node from the journal, still held; when its holder releases, the waiter is granted with a higher
/// token and the holder's old token is refused.
/// </summary>
/// <remarks>
/// Not a scenario of the tutorial (Python's threading has no cluster). Waiting requests are not persisted: the waiter
/// asks again once its node has seen the crashed node removed. The nodes use demo-only failure-detector settings
/// (<see cref="ClusterDemoNodes"/>), so the crash is handled in seconds.
/// </remarks>
internal sealed class ClusterDemo : IDemo
{
    private const int Nodes = 3;
    private const int InitialBalance = 100;
    private static readonly string[] AccountNames = ["alice", "bob", "carol", "dave", "erin", "frank"];

    public int Number => 100;

    public string Name => "cluster";

    public string Title => "bank transfers over three cluster nodes; the node hosting a held lock crashes and its waiter gets a higher token";

    public async Task RunAsync(DemoContext context)
    {
        await using var nodes = await ClusterDemoNodes.StartAsync(Nodes, context.Cancellation);
        for (var i = 0; i < Nodes; i++) context.WriteLine($"node {i + 1}: {nodes.AddressOf(i)}");

        var accounts = AccountNames.ToDictionary(name => name, name => new Account(name));
        foreach (var account in accounts.Values)
        {
            var home = nodes.IndexOf(await nodes.Primitives(0).LocateAsync(LockOf(nodes, 0, account.Name)));
            context.WriteLine($"lock account-{account.Name} lives on node {home + 1}");
        }

        await Task.WhenAll(Enumerable.Range(0, Nodes).Select(node => Task.Run(() => TransfersAsync(context, nodes, node, accounts))));
        context.WriteLine($"balances: {string.Join(", ", accounts.Values.Select(a => $"{a.Name} {a.Balance}"))}, total {accounts.Values.Sum(a => a.Balance)}");

        await CrashAsync(context, nodes, accounts);
        context.WriteLine($"total after the crash: {accounts.Values.Sum(a => a.Balance)}");
    }

    /// <summary>Worker <c>t{node+1}</c> on node <paramref name="node"/>: four transfers, each locking both accounts in name order.</summary>
    private static async Task TransfersAsync(DemoContext context, ClusterDemoNodes nodes, int node, Dictionary<string, Account> accounts)
    {
        await using var owner = ActorOwner.Create(nodes.Systems[node], $"t{node + 1}");
        for (var i = 0; i < 4; i++)
        {
            var from = AccountNames[(node * 2 + i) % AccountNames.Length];
            var to = AccountNames[(node * 2 + i + 3) % AccountNames.Length];
            var amount = 10 * (node + 1) + i;
            var order = new[] { from, to }.Order(StringComparer.Ordinal).ToArray();
            await using var first = await LockOf(nodes, node, order[0], owner).LockAsync(context.Cancellation);
            await using var second = await LockOf(nodes, node, order[1], owner).LockAsync(context.Cancellation);
            var tokens = new Dictionary<string, long> { [order[0]] = first.FencingToken, [order[1]] = second.FencingToken };
            accounts[from].Write(-amount, tokens[from]);
            accounts[to].Write(amount, tokens[to]);
            context.WriteLine($"t{node + 1} on node {node + 1}: {from} -> {to} {amount} (tokens {from} {tokens[from]}, {to} {tokens[to]})");
        }
    }

    /// <summary>
    /// The node hosting a held lock crashes: the lock comes back on a surviving node still held, and when its holder
    /// releases, the waiter on another node is granted with a higher token; the holder's old token is then refused.
    /// </summary>
    private static async Task CrashAsync(DemoContext context, ClusterDemoNodes nodes, Dictionary<string, Account> accounts)
    {
        const int crashing = Nodes - 1;
        var account = await HostedOnAsync(nodes, crashing, accounts.Keys);
        var guarded = accounts.GetValueOrDefault(account) ?? new Account(account);
        await using var holder = ActorOwner.Create(nodes.Systems[1], "t-hold");
        await using var waiter = ActorOwner.Create(nodes.Systems[0], "t-wait");
        var holderLock = LockOf(nodes, 1, account, holder);
        var waiterLock = LockOf(nodes, 0, account, waiter);
        var held = await holderLock.LockAsync(context.Cancellation);
        context.WriteLine($"t-hold on node 2 holds account-{account} (lives on node {crashing + 1}) with token {held.FencingToken}");
        _ = waiterLock.LockAsync(context.Cancellation);
        await UntilWaitingAsync(waiterLock, context.Cancellation);
        context.WriteLine($"t-wait on node 1 waits for account-{account}");

        var clock = Stopwatch.StartNew();
        await nodes.KillAsync(crashing);
        context.WriteLine($"node {crashing + 1} killed (terminated without leaving the cluster)");
        await nodes.UntilRemovedAsync(crashing, observer: 0, context.Cancellation);
        context.WriteLine($"node {crashing + 1} downed by the split-brain resolver and removed after {clock.Elapsed.TotalSeconds:0.0} s");

        // Waits are not persisted: the one queued on node 3 went with it (that call never completes; a timed wait ends
        // by its backstop). The lock comes back on a survivor from the journal; then t-wait asks again.
        context.WriteLine($"t-wait's queued request died with node {crashing + 1}");
        var state = await StateOnceMovedAsync(waiterLock);
        var home = nodes.IndexOf(await nodes.Primitives(0).LocateAsync(waiterLock));
        context.WriteLine($"account-{account} recovered on node {home + 1}: held by {state.Holder?.Path.Name ?? "nobody"}, token {state.FencingToken}");
        context.WriteLine("t-wait asks again");
        var granting = waiterLock.LockAsync(context.Cancellation);
        await UntilWaitingAsync(waiterLock, context.Cancellation);

        guarded.Write(0, held.FencingToken);
        await held.DisposeAsync();
        context.WriteLine($"t-hold releases account-{account}");
        await using var granted = await granting;
        context.WriteLine($"t-wait on node 1 granted account-{account} with token {granted.FencingToken} (t-hold had {held.FencingToken})");
        guarded.Write(0, granted.FencingToken);
        var staleRefused = !guarded.Guard.TryAccept(held.FencingToken);
        context.WriteLine($"a late write by t-hold with its old token {held.FencingToken}: {(staleRefused ? "refused" : "ACCEPTED")}");
    }

    /// <summary>
    /// The lock's state once its shard has a new home. A request sent while a region still points at the removed node
    /// is lost (sharding does not redeliver it), and its backstop says so: ask again, a few times.
    /// </summary>
    private static async Task<LockProtocol.LockState> StateOnceMovedAsync(ActorLock facade)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await facade.GetStateAsync();
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task UntilWaitingAsync(ActorLock lockOfWaiter, CancellationToken cancellation)
    {
        while ((await lockOfWaiter.GetStateAsync()).Waiting == 0) await Task.Delay(20, cancellation);
    }

    /// <summary>An account whose lock lives on node <paramref name="node"/>, or else a lock <c>vault-i</c> that does.</summary>
    private static async Task<string> HostedOnAsync(ClusterDemoNodes nodes, int node, IEnumerable<string> accounts)
    {
        var address = nodes.AddressOf(node);
        foreach (var name in accounts.Concat(Enumerable.Range(0, 200).Select(i => $"vault-{i}")))
            if (await nodes.Primitives(0).LocateAsync(PrimitiveEntityIds.Lock($"account-{name}")) == address) return name;
        throw new InvalidOperationException($"No lock found on node {node + 1}.");
    }

    private static ActorLock LockOf(ClusterDemoNodes nodes, int node, string account, ActorOwner? owner = null) =>
        nodes.Primitives(node).Lock($"account-{account}", owner?.Ref);

    /// <summary>An account: its balance changes only under its cluster lock, and every write presents the lock's token to its guard.</summary>
    private sealed class Account(string name)
    {
        public string Name { get; } = name;

        public int Balance { get; private set; } = InitialBalance;

        public FencingTokenGuard Guard { get; } = new();

        public void Write(int change, long token)
        {
            if (!Guard.TryAccept(token)) throw new InvalidOperationException($"stale token {token} refused for {Name}");
            Balance += change;
        }
    }
}
