using System.Text;
using Actors.Host.Compare;
using Spectre.Console;

namespace Actors.Host.Distributed;

/// <summary>
/// What <c>compare --distributed</c> says besides the figures: the goals and whether they were met (by how much and why
/// not), what each way guarantees side by side, how each way was measured, and notes (a way that did not run). The
/// console gets it as Spectre tables, the Markdown report as sections.
/// </summary>
internal static class DistributedSummary
{
    /// <summary>Each way's guarantees, in column order.</summary>
    public static IReadOnlyList<(string Way, WayGuarantees Guarantees)> Guarantees { get; } =
    [
        (ClusterWay.Column, ClusterWay.Promises),
        (RedisWay.Column, RedisWay.Promises),
        (PostgresWay.Column, PostgresWay.Promises),
    ];

    /// <summary>How the ways were set up, for the report.</summary>
    public static IReadOnlyList<string> Method { get; } =
    [
        $"**{ClusterWay.Column}**: this library's cluster primitives (`src/Actors.Cluster`: each named lock, semaphore and queue is a " +
        "Cluster.Sharding entity) on three cluster nodes in this process, joined over Akka.Remote's TCP on 127.0.0.1 (ports chosen " +
        "free); caller *i* uses node *i* mod 3, so most requests cross the network as between machines; the lone client's lock " +
        "lives on another node than the client; shards are not rebalanced while measuring. " +
        "`akka.remote.dot-netty.tcp.batching.enabled = on` (Akka's default): writes are flushed together when the event loop runs " +
        "dry, so a lone request is not held back and a busy node makes fewer socket writes and thread wake-ups. " +
        $"**{ClusterWay.UnbatchedColumn}** is the same cluster with batching off, measured for the difference.",
        $"**{RedisWay.Column}**: DistributedLock.Redis 1.1.1 (`RedisDistributedLock`, `RedisDistributedSemaphore`) over one " +
        "`redis-server` on 127.0.0.1 through one shared StackExchange.Redis multiplexer, package defaults. DistributedLock has no queue: " +
        "the work queue is a Redis list (`LPUSH`, `BRPOP` on a connection of each taker's own).",
        $"**{PostgresWay.Column}**: DistributedLock.Postgres 1.3.2 (`PostgresDistributedLock`, a session advisory lock) over one " +
        "PostgreSQL on 127.0.0.1, package defaults, Npgsql's pool. DistributedLock.Postgres has no semaphore and no queue: the " +
        "semaphore is n advisory locks (slots; try each without waiting from a random one, else wait on a random slot), the work " +
        "queue a table (`INSERT`; `DELETE … WHERE id = (SELECT … ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING item`, " +
        "polled every 1 ms while empty).",
        "Every run checks its result: a counted increment inside every hold (no hold lost, never two holders of a name at once, " +
        "by an Interlocked gauge and a count updated without synchronisation) and rising fencing tokens where the way has them; " +
        "the semaphore's calls in flight never above its permits; every queue item taken exactly once.",
    ];

    /// <summary>Writes the goals, the guarantees and the notes to <paramref name="output"/>.</summary>
    public static void Write(CompareReport report, IReadOnlyList<DistributedGoals.Outcome> goals, IReadOnlyList<string> notes, TextWriter output)
    {
        var console = SpectreConsoles.For(output);
        var goalTable = new Table().Border(TableBorder.Rounded).Title("goals (actor-cluster against the others, same run)");
        goalTable.AddColumn("goal");
        goalTable.AddColumn("outcome");
        foreach (var goal in goals)
            goalTable.AddRow(Markup.Escape(goal.Goal), goal.Met == false ? $"[red]{Markup.Escape(goal.Verdict)}[/]" : Markup.Escape(goal.Verdict));
        console.Write(goalTable);
        foreach (var goal in goals.Where(g => g.Met == false))
            console.MarkupLine($"[grey]why '{Markup.Escape(goal.Goal)}' was missed: {Markup.Escape(goal.WhyMissed)}.[/]");

        var guarantees = new Table().Border(TableBorder.Rounded).Title("what each way guarantees");
        foreach (var column in new[] { "way", "FIFO", "fencing tokens", "owner-death release", "hold-lost signal", "queue" }) guarantees.AddColumn(column);
        foreach (var (way, g) in Guarantees)
            guarantees.AddRow(new[] { way, g.Fifo, g.FencingTokens, g.OwnerDeathRelease, g.HoldLostSignal, g.Queue }.Select(Markup.Escape).ToArray());
        console.Write(guarantees);
        foreach (var note in notes) console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
    }

    /// <summary>The Markdown sections that end the report.</summary>
    public static string Markdown(CompareReport report, IReadOnlyList<DistributedGoals.Outcome> goals, IReadOnlyList<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine("## Goals (actor-cluster against the others, same run)");
        md.AppendLine();
        md.AppendLine("| goal | outcome | why, if missed |");
        md.AppendLine("|---|---|---|");
        foreach (var goal in goals)
            md.AppendLine($"| {goal.Goal} | {(goal.Met == false ? $"**{goal.Verdict}**" : goal.Verdict)} | {(goal.Met == false ? goal.WhyMissed : "")} |");
        md.AppendLine();
        md.AppendLine("## What each way guarantees");
        md.AppendLine();
        md.AppendLine("| way | FIFO | fencing tokens | owner-death release | hold-lost signal | queue |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (way, g) in Guarantees)
            md.AppendLine($"| {way} | {g.Fifo} | {g.FencingTokens} | {g.OwnerDeathRelease} | {g.HoldLostSignal} | {g.Queue} |");
        md.AppendLine();
        md.AppendLine("## How each way was measured");
        md.AppendLine();
        foreach (var line in Method) md.AppendLine($"- {line}");
        var sizes = report.Sizes.Distributed;
        md.AppendLine($"- Sizes: one client alone {sizes.AloneCycles} cycles; {sizes.NamedOwners} owners × {sizes.CyclesPerNamedOwner} cycles on names of " +
                      $"their own; {sizes.ContendedOwners} owners × {sizes.CyclesPerContendedOwner} cycles on one name; {sizes.SemaphoreClients} clients × " +
                      $"{sizes.CallsPerSemaphoreClient} calls through {sizes.SemaphorePermits} permits, each call {sizes.SemaphoreWork.TotalMilliseconds:0.##} ms " +
                      $"of simulated I/O; {sizes.QueueItems} items, {sizes.QueueProducers} producers, {sizes.QueueConsumers} consumers.");
        if (notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in notes) md.AppendLine($"- {note}");
        }
        return md.ToString();
    }
}
