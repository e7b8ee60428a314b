using System.Globalization;
using Actors.Protocol;
using Akka.Actor;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Actors.Host.Demos;

/// <summary>
/// The live view's table: one row per primitive with who holds it and how much (a semaphore's permits per holder, an
/// RLock's depth, anonymous holders counted), the permits left, who waits, and the counters of its statistics. Cells wrap
/// instead of running past the terminal's edge.
/// </summary>
internal static class LiveTable
{
    /// <summary>The table of <paramref name="snapshots"/>.</summary>
    public static Table Build(IReadOnlyList<PrimitiveSnapshot> snapshots)
    {
        var withItems = snapshots.Any(p => p.Statistics.QueueLength is not null || p.Statistics.Round is not null);
        var table = new Table().Border(TableBorder.Rounded).Title($"live: {snapshots.Count} primitive(s)");
        table.AddColumn(Column("primitive, kind")).AddColumn(Column("held by")).AddColumn(Column("free").RightAligned()).AddColumn(Column("waiting"));
        if (withItems) table.AddColumn(Column("items / rounds").RightAligned());
        table.AddColumn(Column("grants, timeouts, cancels, deaths").RightAligned()).AddColumn(Column("wait mean / max").RightAligned());
        foreach (var snapshot in snapshots)
        {
            var s = snapshot.Statistics;
            var cells = new List<IRenderable>
            {
                new Markup($"{Markup.Escape(s.Name)}\n[grey]{Markup.Escape(s.Kind)}[/]").Overflow(Overflow.Fold),
                Cell(HeldBy(snapshot)), Cell(Free(snapshot)), Cell(Waiting(s)),
            };
            if (withItems) cells.Add(Cell(s.QueueLength?.ToString(CultureInfo.InvariantCulture) ?? s.Round?.ToString(CultureInfo.InvariantCulture) ?? ""));
            cells.Add(Cell(string.Create(CultureInfo.InvariantCulture, $"{s.Acquisitions}, {s.Timeouts}, {s.Cancellations}, {s.OwnerDeathReleases}")));
            cells.Add(Cell(string.Create(CultureInfo.InvariantCulture, $"{s.MeanWaitMs:0.0} / {s.MaxWaitMs:0.0} ms")));
            table.AddRow(cells);
        }
        return table;
    }

    /// <summary>
    /// The holders with what each holds: <c>t-1 ×2, 3 anonymous</c>. Semaphore permits held by named owners are shown per
    /// owner when one owner holds them all, else as a total; anonymous permits are counted from the bound.
    /// </summary>
    public static string HeldBy(PrimitiveSnapshot snapshot)
    {
        var s = snapshot.Statistics;
        var named = s.Holders.Select(Name).ToList();
        var parts = new List<string>();
        switch (snapshot)
        {
            case { RLock: { Owner: { } owner, Depth: > 0 } rlock }:
                parts.Add($"{Name(owner)} ×{rlock.Depth}");
                break;
            case { Semaphore: { } semaphore }:
                if (named.Count == 1) parts.Add($"{named[0]} ×{semaphore.HeldByOwners}");
                else if (named.Count > 1) parts.Add($"{string.Join(", ", named)} ({semaphore.HeldByOwners} permits)");
                var anonymous = semaphore.Bound is { } bound ? bound - semaphore.Value - semaphore.HeldByOwners : (int?)null;
                if (anonymous > 0) parts.Add($"{anonymous} anonymous");
                else if (anonymous is null && s.HeldAnonymously) parts.Add("anonymous");
                break;
            default:
                parts.AddRange(named);
                if (s.HeldAnonymously) parts.Add("anonymous");
                break;
        }
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    /// <summary>A semaphore's free permits (<c>0 of 5</c> when bounded); nothing for other kinds.</summary>
    public static string Free(PrimitiveSnapshot snapshot) => snapshot.Semaphore switch
    {
        { Bound: { } bound } semaphore => $"{semaphore.Value} of {bound}",
        { } semaphore => semaphore.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>How many wait, and who, each name once with its count: <c>17: anonymous ×17</c>.</summary>
    public static string Waiting(CoordinatorProtocol.Statistics s)
    {
        if (s.Waiting == 0) return "0";
        var owners = s.WaitingOwners.GroupBy(Name).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToList();
        return owners.Count == 0 ? s.Waiting.ToString(CultureInfo.InvariantCulture) : $"{s.Waiting}: {string.Join(", ", owners)}";
    }

    private static string Name(IActorRef owner) => owner.IsNobody() ? "anonymous" : owner.Path.Name;

    /// <summary>A cell whose words are folded onto the next line when the column is narrower, never cut with an ellipsis.</summary>
    private static Markup Cell(string text) => new Markup(Markup.Escape(text)).Overflow(Overflow.Fold);

    private static TableColumn Column(string header) => new(Cell(header));
}
